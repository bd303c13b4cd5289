"""writers/text"""
