#!/usr/bin/python3
"""Checks that images are real figures: readable, at least 300 x 200 pixels, and with more
than 30 distinct colours (a blank or single-colour canvas fails).

Usage: png_check.py IMAGE...   (exit 0 when every image passes)
"""
import sys

import numpy as np
from PIL import Image

failed = False
for path in sys.argv[1:]:
    with Image.open(path) as image:
        pixels = np.asarray(image.convert("RGB"))
    colours = len(np.unique(pixels.reshape(-1, 3), axis=0))
    if pixels.shape[0] < 200 or pixels.shape[1] < 300 or colours <= 30:
        print(f"{path}: {pixels.shape[1]} x {pixels.shape[0]} pixels, {colours} colours")
        failed = True
print("png check failed" if failed else "png check passed")
sys.exit(1 if failed else 0)
