#!/usr/bin/env python3
"""Regenerates Sources/Site/Views/TemplateFields.swift: the key paths through which templates
read the fields of the site's view models (see that file). Run after adding a field to a view
model; TemplateFieldsTests fails until you do. Usage: python3 scripts/template-fields.py"""
import glob
import os
import re

site = os.path.join(os.path.dirname(__file__), "..", "Sources", "Site")
types = []
for path in sorted(glob.glob(os.path.join(site, "Views", "Models.swift")) + glob.glob(os.path.join(site, "Pages", "*Page*.swift"))):
    stack = []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if re.match(r"^(extension|func|enum|import)\b", line):
            stack = []
            continue
        m = re.match(r"^(\s*)(?:public )?struct (\w+)(?:: [^{]*)? \{", line)
        if m:
            indent = len(m.group(1))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            name = ".".join([s[1] for s in stack] + [m.group(2)])
            stack.append((indent, m.group(2), name, []))
            types.append(stack[-1])
            continue
        m = re.match(r"^(\s*)(?:public )?var (\w+): ", line)
        if m and stack:
            indent = len(m.group(1))
            for s in reversed(stack):
                if s[0] == indent - 4:
                    s[3].append(m.group(2))
                    break

target = os.path.join(site, "Views", "TemplateFields.swift")
text = open(target, encoding="utf-8").read()
# Everything up to the first generated extension is hand-written and kept.
header = text[: text.index("extension ", text.index("extension Optional") + 1)]
blocks = []
for _, _, name, fields in types:
    if name == "PageJob" or not fields:
        continue
    entries = ",\n        ".join('"%s": \\%s.%s' % (f, name, f) for f in fields)
    hashes = "\n        ".join('hash.combine(%s)' % f for f in fields)
    blocks.append("extension %s: TemplateValue {\n    nonisolated(unsafe) static let templateKeys: [String: PartialKeyPath<%s>] = [\n        %s,\n    ]\n\n"
                  "    func combine(into hash: inout StableHash) {\n        hash.combine(marker: 6)\n        %s\n    }\n}\n"
                  % (name, name, entries, hashes))
open(target, "w", encoding="utf-8").write(header + "\n".join(blocks))
