"""The web workspace (``moksori serve``): the same library, in the browser."""
