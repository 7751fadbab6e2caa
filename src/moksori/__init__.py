"""moksori (목소리): a secure, offline, bilingual workbench for testimony research."""

__version__ = "0.1.0"
