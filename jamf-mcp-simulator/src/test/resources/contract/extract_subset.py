#!/usr/bin/env python3
"""Copies, verbatim, the parts of the Jamf Pro 11.30.1 contract the simulator serves into
jamf-pro-api-subset.json, so contract tests run on a clean clone without the 2 MB original.

Usage: extract_subset.py /path/to/jamf-pro-api-11.30.1-dir > jamf-pro-api-subset.json
"""
import json
import re
import sys

PRO_OPERATIONS = [
    ("post", "/v1/oauth/token"), ("post", "/v1/auth/token"), ("post", "/v1/auth/keep-alive"),
    ("post", "/v1/auth/invalidate-token"), ("get", "/v1/jamf-pro-version"),
    ("get", "/v3/computers-inventory"), ("get", "/v3/computers-inventory-detail/{id}"),
    ("get", "/v3/computers-inventory/{id}"),
    ("get", "/v2/mobile-devices"), ("get", "/v2/mobile-devices/detail"), ("get", "/v2/mobile-devices/{id}"),
    ("get", "/v2/mobile-devices/{id}/detail"),
    ("get", "/v1/departments"), ("get", "/v1/departments/{id}"), ("get", "/v1/buildings"),
    ("get", "/v1/buildings/{id}"), ("get", "/v1/categories"), ("get", "/v1/categories/{id}"),
    ("get", "/v1/scripts"), ("get", "/v1/scripts/{id}"),
    ("get", "/v1/computer-groups"), ("get", "/v3/computer-groups/smart-groups"),
    ("get", "/v3/computer-groups/smart-groups/{id}"), ("get", "/v3/computer-groups/smart-group-membership/{id}"),
    ("get", "/v3/computer-groups/static-groups"), ("get", "/v3/computer-groups/static-groups/{id}"),
    ("put", "/v3/computer-groups/static-groups/{id}"),
    ("post", "/v2/mdm/commands"), ("get", "/v2/mdm/commands"), ("post", "/v2/mdm/blank-push"),
    ("get", "/v3/patch-software-title-configurations"),
]
CLASSIC_OPERATIONS = [
    ("get", "/policies"), ("get", "/policies/id/{id}"), ("get", "/osxconfigurationprofiles"),
    ("get", "/osxconfigurationprofiles/id/{id}"), ("get", "/mobiledeviceconfigurationprofiles"),
    ("get", "/mobiledeviceconfigurationprofiles/id/{id}"), ("delete", "/logflush"),
    ("delete", "/logflush/{log}/id/{id}/interval/{interval}"), ("delete", "/logflush/{log}/interval/{interval}"),
    ("get", "/computergroups"), ("get", "/computergroups/id/{id}"),
]


def main(directory):
    spec = json.load(open(directory + "/jamf-pro-api.openapi.json"))
    out = {"openapi": spec["openapi"], "servers": spec["servers"], "paths": {},
           "components": {"schemas": {}, "parameters": {}}}
    refs = []
    for method, path in PRO_OPERATIONS:
        op = spec["paths"][path][method]
        out["paths"].setdefault(path, {})[method] = op
        refs += re.findall(r'"\$ref": "#/components/([a-zA-Z]+)/([^"]+)"', json.dumps(op))
    while refs:
        kind, name = refs.pop()
        if name in out["components"][kind]:
            continue
        node = spec["components"][kind][name]
        out["components"][kind][name] = node
        refs += re.findall(r'"\$ref": "#/components/([a-zA-Z]+)/([^"]+)"', json.dumps(node))
    classic = open(directory + "/classic-api.swagger.yaml").read()
    out["x-classic-operations"] = []
    for method, path in CLASSIC_OPERATIONS:
        block = re.search(r"\n  '?" + re.escape(path) + r"'?:\n((?:    .*\n)+)", classic)
        assert block and re.search(r"^    " + method + ":", block.group(1), re.M), (method, path)
        out["x-classic-operations"].append(method.upper() + " " + path)
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1])
