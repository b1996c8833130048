"""The generator: reads the bundled sources and the annotation files, writes ``src/gwr/data``.

Run it as ``python -m gwr.build``. It is never imported by the runtime library: it lives here
so that a checkout has one command, and it imports the runtime's normalization, quantity
parser and record types so that what it writes is exactly what :func:`gwr.check` verifies.
"""
