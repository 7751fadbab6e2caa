"""``python -m moksori``; guarded because worker processes re-import the main module."""

from moksori.cli.app import main

if __name__ == "__main__":
    main()
