"""The fact store: model, loading and derived figures."""
