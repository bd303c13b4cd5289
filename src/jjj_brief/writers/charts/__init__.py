"""writers/charts"""
