"""Writers: one function per output format, all over the same Document."""
