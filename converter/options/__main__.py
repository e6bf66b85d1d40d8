"""``python -m converter.options``: README's option lists (``… README.md`` rewrites them there)."""

import sys

from converter.options.readme import main

sys.exit(main(sys.argv[1:]))
