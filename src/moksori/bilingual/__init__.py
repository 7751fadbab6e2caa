"""Korean originals and their English translations: pairs, sentence alignment, projection."""
