"""No tables of its own: the module exists because Django sends `post_migrate` only to apps
with one, and ground's handler makes the database cache's table (apps.py)."""
