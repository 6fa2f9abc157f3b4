"""The register of persons (ground): shared by every capability, owned by none."""
