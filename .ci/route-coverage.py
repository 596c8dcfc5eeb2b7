#!/usr/bin/env python3
"""Sums Camel's route coverage files (one per test method) per module: how many routes the tests ran, and which never."""
import glob
import sys
import xml.etree.ElementTree as ET

for folder in sys.argv[1:]:
    totals = {}
    for path in glob.glob(folder + "/*.xml"):
        for route in ET.parse(path).getroot().iter("{http://camel.apache.org/schema/xml-io}route"):
            totals[route.get("id")] = totals.get(route.get("id"), 0) + int(route.get("exchangesTotal", "0"))
    if not totals:
        print(f"{folder}: no route coverage files")
        continue
    never = sorted(route for route, exchanges in totals.items() if exchanges == 0)
    print(f"{folder}: the tests ran {len(totals) - len(never)} of {len(totals)} routes; never: {', '.join(never) or 'none'}")
