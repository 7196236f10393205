"""One module per CLI command; each exposes `command`. Keep top-level imports light."""
