"""Strings.tsv is the one place UI strings are edited: key<TAB>Vietnamese<TAB>English, one per line.
A literal \\n in a value becomes a line break. Run `python3 Portal.Web/Resources/strings.py` after editing it; it rewrites Strings.resx (vi-VN, the neutral culture)
and Strings.en-US.resx, sorted by key, and refuses duplicate keys or missing translations."""
import html, os, sys

here = os.path.dirname(os.path.abspath(__file__))
rows = [l.rstrip('\n').split('\t') for l in open(os.path.join(here, 'Strings.tsv'), encoding='utf8') if l.strip()]
bad = [r for r in rows if len(r) != 3 or not r[1] or not r[2]]
if bad:
    sys.exit(f'lines without exactly key, Vietnamese, English: {bad[:3]}')
keys = [r[0] for r in rows]
dupes = {k for k in keys if keys.count(k) > 1}
if dupes:
    sys.exit(f'duplicate keys: {sorted(dupes)}')
rows.sort(key=lambda r: r[0])
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for idx, name in [(1, 'Strings.resx'), (2, 'Strings.en-US.resx')]:
    body = ''.join(f'  <data name="{r[0]}" xml:space="preserve"><value>{html.escape(r[idx].replace(chr(92) + "n", chr(10)), quote=False)}</value></data>\n' for r in rows)
    open(os.path.join(here, name), 'w', encoding='utf8').write(head + body + '</root>\n')
open(os.path.join(here, 'Strings.tsv'), 'w', encoding='utf8').write(''.join('\t'.join(r) + '\n' for r in rows))
print(f'{len(rows)} strings')
