#!/usr/bin/env python3
"""Writes the facts of a published Jamf Pro API description that the contract tests check into
contract/jamf-pro-api.json, the one file of Jamf endpoints in this repository.

Usage (from the repository root; Python 3 standard library only):

    python3 tools/jamf-api/extract_facts.py /path/to/jamf-pro-api/11.30.1

The directory holds what Jamf publishes for one Jamf Pro version: jamf-pro-api.openapi.json (the
Jamf Pro API, OpenAPI 3) and classic-api.swagger.yaml (the Classic API, Swagger 2). Its name is
the version unless --version says otherwise. Run it when the project adopts a new Jamf Pro
version and commit the regenerated file (see CONTRIBUTING.md, "Adopting a new Jamf Pro version");
`git diff` then shows what Jamf added, removed or deprecated. Never edit the output by hand.

Who reads the file: the client catalogue's test in jamf-mcp-core (EndpointContractTest,
RequestBodyContractTest, through ApiContract) and the simulator's ContractTest (through Contract).
Both find it by walking up from the working directory to the repository root (the first directory
holding both pom.xml and .mvn/, where ./mvnw runs) and reading contract/jamf-pro-api.json there,
never anything outside the repository.

What the file holds, for EVERY operation of both descriptions (not a chosen subset, so that a new
endpoint needs no change here), one operation per line, sorted by path then method:

  method, path      "GET", "/api/v1/buildings" (Pro paths under /api, Classic under /JSSResource)
  deprecated        true when Jamf marks the operation deprecated (absent otherwise), with
  deprecationDate   Jamf's x-deprecation-date when given
  privileges        Jamf's x-required-privileges (Pro only; the Classic swagger has none)
  query             names of the query parameters (path-level ones included), sorted
  body              the request body: contentType (application/json preferred), fields (top-level
                    field name -> type, $ref and allOf resolved: string, integer, number, boolean,
                    object, any, array<T>) and required; Classic: its in: body parameters
  responses         Pro only: status -> schema of the application/json answer

and "mdmCommands": for every commandType of POST /api/v2/mdm/commands (the discriminator of its
commandData), the command's own fields (name -> type, as for bodies) and the required ones;

and "schemas": the Pro API's component schemas that answers refer to, cut down to what a response
check needs (type, properties, items, required, allOf, oneOf, anyOf, $ref), one per line.
Descriptions, examples, enums and formats are left out to keep the file small.
"""
import argparse
import hashlib
import json
import os
import re
import sys

METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
SCHEMA_KEYS = ("type", "properties", "items", "required", "allOf", "oneOf", "anyOf", "$ref")
BODY_TYPES = (
    "application/json",
    "application/merge-patch+json",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
)
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "contract",
                      "jamf-pro-api.json")


# --- the Classic swagger is YAML; the standard library has no YAML reader, and the file uses only
# block mappings, block sequences, quoted and plain scalars and empty flow collections, so a small
# reader for that subset suffices (it stops with an error on anything else).

def _scalar(text, line_no):
    text = text.strip()
    if text in ("[ ]", "[]"):
        return []
    if text in ("{ }", "{}"):
        return {}
    if text.startswith("'"):
        if not text.endswith("'") or len(text) < 2:
            raise ValueError("line %d: unterminated quoted scalar" % line_no)
        return text[1:-1].replace("''", "'")
    if text.startswith('"'):
        return json.loads(text)
    if text[:1] in ("[", "{", "|", ">", "&", "*", "!"):
        raise ValueError("line %d: YAML feature not supported: %s" % (line_no, text))
    if text == "true":
        return True
    if text == "false":
        return False
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def _split_key(text, line_no):
    """("key", "rest") when text is "key: rest" (key plain or single-quoted), else None."""
    if text.startswith("'"):
        end = 1
        while True:
            end = text.find("'", end)
            if end < 0:
                raise ValueError("line %d: unterminated quoted key" % line_no)
            if text[end + 1:end + 2] != "'":
                break
            end += 2
        key, rest = text[1:end].replace("''", "'"), text[end + 1:]
        if not re.match(r":(\s|$)", rest):
            return None  # a quoted scalar, not a key
        return key, rest[1:].strip()
    if text.startswith('"'):
        return None
    colon = re.search(r":(\s|$)", text)
    if not colon:
        return None
    return text[:colon.start()], text[colon.end():].strip()


def read_yaml(text):
    lines = []
    for no, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        lines.append((len(raw) - len(raw.lstrip(" ")), raw.strip(), no))
    value, end = _block(lines, 0, 0)
    if end != len(lines):
        raise ValueError("line %d: unexpected indentation" % lines[end][2])
    return value


def _block(lines, i, indent):
    if lines[i][1].startswith("- ") or lines[i][1] == "-":
        return _sequence(lines, i, indent)
    return _mapping(lines, i, indent)


def _mapping(lines, i, indent, first=None):
    result = {}
    while i < len(lines):
        col, text, no = lines[i]
        if first is not None:
            col, text, first = indent, first, None
        elif col < indent:
            break
        elif col > indent or text.startswith("- "):
            raise ValueError("line %d: unexpected indentation" % no)
        pair = _split_key(text, no)
        if pair is None:
            raise ValueError("line %d: expected 'key: value'" % no)
        key, rest = pair
        i += 1
        if rest:
            result[key] = _scalar(rest, no)
        elif i < len(lines) and (lines[i][0] > col or
                                 (lines[i][0] == col and lines[i][1].startswith("- "))):
            result[key], i = _block(lines, i, lines[i][0])
        else:
            result[key] = None
    return result, i


def _sequence(lines, i, indent):
    result = []
    while i < len(lines):
        col, text, no = lines[i]
        if col != indent or not text.startswith("- "):
            if col > indent:
                raise ValueError("line %d: unexpected indentation" % no)
            break
        item = text[2:].strip()
        if _split_key(item, no) is not None:
            # "- key: value" opens a mapping whose further keys sit two columns right of the dash
            value, i = _mapping(lines, i, indent + 2, first=item)
            result.append(value)
        else:
            result.append(_scalar(item, no))
            i += 1
    return result, i


# --- the facts

def _ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def _strip(schema):
    """A schema cut down to what the response check reads."""
    if isinstance(schema, list):
        return [_strip(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    out = {}
    for key in SCHEMA_KEYS:
        if key not in schema:
            continue
        value = schema[key]
        if key == "properties":
            out[key] = {name: _strip(p) for name, p in value.items()}
        elif key == "$ref":
            out[key] = _ref_name(value)
        elif key in ("items", "allOf", "oneOf", "anyOf"):
            out[key] = _strip(value)
        else:
            out[key] = value
    if list(out) == ["type"]:
        return out["type"]  # a leaf: {"type": "string"} is written "string"
    return out


class Pro:
    def __init__(self, spec):
        self.spec = spec
        self.schemas = spec["components"]["schemas"]
        self.parameters = spec["components"].get("parameters", {})

    def resolve(self, schema):
        seen = set()
        while "$ref" in schema:
            name = _ref_name(schema["$ref"])
            if name in seen:
                raise ValueError("circular $ref " + name)
            seen.add(name)
            schema = self.schemas[name]
        return schema

    def type_of(self, schema):
        schema = self.resolve(schema)
        kind = schema.get("type")
        if kind == "array":
            return "array<%s>" % self.type_of(schema.get("items", {}))
        if kind:
            return kind
        if "properties" in schema or "allOf" in schema or "oneOf" in schema or \
                "anyOf" in schema:
            return "object"
        return "any"

    def fields(self, schema, fields, required):
        """Top-level fields of an object schema, through $ref and allOf (and oneOf/anyOf
        variants, whose fields are all possible but none required)."""
        schema = self.resolve(schema)
        for name, prop in schema.get("properties", {}).items():
            fields.setdefault(name, self.type_of(prop))
        if required is not None:
            required.update(schema.get("required", []))
        for part in schema.get("allOf", []):
            self.fields(part, fields, required)
        for part in schema.get("oneOf", []) + schema.get("anyOf", []):
            self.fields(part, fields, None)

    def param(self, p):
        return self.parameters[_ref_name(p["$ref"])] if "$ref" in p else p

    def operations(self):
        server = self.spec["servers"][0]["url"].rstrip("/")
        for path, item in self.spec["paths"].items():
            shared = [self.param(p) for p in item.get("parameters", [])]
            for method, op in item.items():
                if method not in METHODS:
                    continue  # path-level "parameters"
                fact = {"method": method.upper(), "path": server + path}
                if op.get("deprecated"):
                    fact["deprecated"] = True
                if op.get("x-deprecation-date"):
                    fact["deprecationDate"] = str(op["x-deprecation-date"])
                if op.get("x-required-privileges"):
                    fact["privileges"] = list(op["x-required-privileges"])
                params = shared + [self.param(p) for p in op.get("parameters", [])]
                query = sorted({p["name"] for p in params if p.get("in") == "query"})
                if query:
                    fact["query"] = query
                body = self.body(op.get("requestBody"))
                if body:
                    fact["body"] = body
                responses = {}
                for status, answer in op.get("responses", {}).items():
                    schema = answer.get("content", {}).get("application/json", {}).get("schema")
                    if schema is not None:
                        responses[str(status)] = _strip(schema)
                if responses:
                    fact["responses"] = responses
                yield fact

    def body(self, request_body):
        if not request_body:
            return None
        content = request_body.get("content", {})
        kinds = [k for k in BODY_TYPES if k in content] + sorted(content)
        if not kinds:
            return None
        kind = kinds[0]
        body = {"contentType": kind}
        schema = content[kind].get("schema")
        if schema is not None:
            fields, required = {}, set()
            self.fields(schema, fields, required)
            if fields:
                body["fields"] = fields
            if required:
                body["required"] = sorted(required)
            if not fields:
                body["type"] = self.type_of(schema)
        return body

    def mdm_commands(self):
        """commandType -> {fields, required} of the commandData variants of an MDM command."""
        request = self.schemas["MdmCommandRequest"]["properties"]["commandData"]
        commands = {}
        for command_type, ref in sorted(request["discriminator"]["mapping"].items()):
            fields, required = {}, set()
            self.fields({"$ref": ref}, fields, required)
            fields.pop("commandType", None)
            required.discard("commandType")
            entry = {"fields": fields}
            if required:
                entry["required"] = sorted(required)
            commands[command_type] = entry
        return commands

    def referenced_schemas(self, operations):
        """Names of the component schemas the answers refer to, directly or not."""
        names, todo = set(), []
        for op in operations:
            todo += re.findall(r'"\$ref": "([^"]+)"', json.dumps(op.get("responses", {})))
        while todo:
            name = todo.pop()
            if name in names:
                continue
            names.add(name)
            todo += re.findall(r'"\$ref": "#/components/schemas/([^"]+)"',
                               json.dumps(self.schemas[name]))
        return names


def classic_operations(spec):
    base = "/" + spec.get("basePath", "/JSSResource").strip("/")
    definitions = spec.get("definitions", {})
    for path, item in spec["paths"].items():
        for key, op in item.items():
            # Jamf's 11.30.1 swagger spells one method ' delete' (/patchexternalsources/id/{id}):
            # a stray space in the key, read here as the method it names.
            method = key.strip().lower()
            if method not in METHODS:
                continue
            fact = {"method": method.upper(), "path": base + path}
            if op.get("deprecated"):
                fact["deprecated"] = True
            if op.get("x-deprecation-date"):
                fact["deprecationDate"] = str(op["x-deprecation-date"])
            placeholders = set(re.findall(r"\{([^}]+)}", path))
            params = op.get("parameters") or []
            query = sorted({p["name"] for p in params if p.get("in") == "query"})
            if query:
                fact["query"] = query
            # Body fields: the in: body parameters, and those without "in" that are no path
            # placeholder (the swagger omits "in" on a few body fields, e.g. lost_mode_message).
            fields, required = {}, set()
            for p in params:
                where = p.get("in")
                if where == "body" or (where is None and p["name"] not in placeholders):
                    schema = p.get("schema", p)
                    if "$ref" in schema:
                        target = definitions.get(_ref_name(schema["$ref"]), {})
                        kind = target.get("type", "object")
                    elif schema.get("type") == "array":
                        kind = "array<%s>" % schema.get("items", {}).get("type", "any")
                    else:
                        kind = schema.get("type", "any")
                    fields[p["name"]] = kind
                    if p.get("required"):
                        required.add(p["name"])
            if fields:
                body = {"contentType": "application/xml", "fields": fields}
                if required:
                    body["required"] = sorted(required)
                fact["body"] = body
            yield fact


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", help="directory with Jamf's published API description")
    parser.add_argument("--version", help="Jamf Pro version (default: the directory's name)")
    parser.add_argument("--output", default=OUTPUT, help="default: contract/jamf-pro-api.json")
    args = parser.parse_args()
    pro_file = os.path.join(args.directory, "jamf-pro-api.openapi.json")
    classic_file = os.path.join(args.directory, "classic-api.swagger.yaml")
    version = args.version or os.path.basename(os.path.normpath(args.directory))

    with open(pro_file, encoding="utf-8") as f:
        pro = Pro(json.load(f))
    with open(classic_file, encoding="utf-8") as f:
        classic = read_yaml(f.read())

    operations = list(pro.operations()) + list(classic_operations(classic))
    operations.sort(key=lambda op: (op["path"], op["method"]))
    keys = [(op["method"], op["path"]) for op in operations]
    if len(set(keys)) != len(keys):
        raise SystemExit("duplicate operations in the description")
    schemas = {name: _strip(pro.schemas[name]) for name in pro.referenced_schemas(operations)}

    def line(value):
        return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    out = ['{"about":' + line("Facts of the Jamf Pro and Classic API descriptions that the"
                             " contract tests check. Generated by tools/jamf-api/extract_facts.py;"
                             " do not edit.") + ",",
           '"jamfProVersion":' + line(version) + ",",
           '"sources":' + line({"classic-api.swagger.yaml": sha256(classic_file),
                                "jamf-pro-api.openapi.json": sha256(pro_file)}) + ",",
           '"operations":[']
    out += [line(op) + ("," if i < len(operations) - 1 else "") for i, op in enumerate(operations)]
    out.append('],')
    commands = pro.mdm_commands()
    out.append('"mdmCommands":{')
    out += [line(name) + ":" + line(commands[name]) + ("," if i < len(commands) - 1 else "")
            for i, name in enumerate(sorted(commands))]
    out.append('},')
    out.append('"schemas":{')
    names = sorted(schemas)
    out += [line(name) + ":" + line(schemas[name]) + ("," if i < len(names) - 1 else "")
            for i, name in enumerate(names)]
    out.append('}}')
    text = "\n".join(out) + "\n"
    json.loads(text)  # the output is one valid JSON document
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("%s: %d operations (%d Pro, %d Classic), %d schemas, %d bytes" % (
        os.path.relpath(args.output), len(operations),
        sum(op["path"].startswith("/api/") for op in operations),
        sum(op["path"].startswith("/JSSResource/") for op in operations),
        len(schemas), len(text.encode("utf-8"))), file=sys.stderr)


if __name__ == "__main__":
    main()
