"""The import report accounts for every element of the file (issue 18): imported, or
skipped with a reason. A file full of things moksori does not model (a source outside
the package with codings, coded memo text, a link to a source, sets, a graph) loses
nothing silently: each is listed, and a kind nobody handles is listed too."""

from __future__ import annotations

import zipfile
from pathlib import Path

from moksori.interop.qdpx_import import import_qdpx
from moksori.interop.qdpx_ledger import UNHANDLED
from moksori.project import Project

G = [f"{i:08x}-1111-4222-8333-{i:012x}" for i in range(1, 40)]
TEXT = "면접자: 언제요?\n참여자: 2011년 겨울에 건넜어요.\n"


def _qde() -> str:
    s = TEXT.index("2011년")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="odd" origin="SomeTool 3">
<Users><User guid="{G[0]}" name="연구자"/></Users>
<CodeBook><Codes>
  <Code guid="{G[1]}" name="시기" isCodable="true"/>
  <Code guid="{G[2]}" name="건너기" isCodable="true"/>
</Codes></CodeBook>
<Sources>
  <TextSource guid="{G[3]}" name="p01.txt" plainTextPath="internal://{G[3]}.txt">
    <PlainTextSelection guid="{G[4]}" startPosition="{s}" endPosition="{s + 5}">
      <Coding guid="{G[5]}"><CodeRef targetGUID="{G[1]}"/></Coding>
    </PlainTextSelection>
  </TextSource>
  <TextSource guid="{G[6]}" name="away.txt" plainTextPath="absolute://C:/away.txt">
    <PlainTextSelection guid="{G[7]}" startPosition="0" endPosition="3">
      <Coding guid="{G[8]}"><CodeRef targetGUID="{G[2]}"/></Coding>
    </PlainTextSelection>
  </TextSource>
</Sources>
<Notes>
  <Note guid="{G[9]}" name="memo" plainTextPath="internal://{G[9]}.txt">
    <PlainTextSelection guid="{G[10]}" startPosition="0" endPosition="4">
      <Coding guid="{G[11]}"><CodeRef targetGUID="{G[2]}"/></Coding>
    </PlainTextSelection>
  </Note>
  <Note guid="{G[19]}" name="about P01">
    <PlainTextContent>met twice, in Seoul</PlainTextContent></Note>
</Notes>
<Links>
  <Link guid="{G[12]}" name="precedes" originGUID="{G[1]}" targetGUID="{G[2]}"/>
  <Link guid="{G[13]}" name="seen in" originGUID="{G[1]}" targetGUID="{G[3]}"/>
</Links>
<Sets>
  <Set guid="{G[14]}" name="Winter interviews">
    <MemberSource targetGUID="{G[3]}"/><MemberCode targetGUID="{G[1]}"/>
  </Set>
</Sets>
<Cases><Case guid="{G[18]}" name="P01"><SourceRef targetGUID="{G[3]}"/>
  <NoteRef targetGUID="{G[19]}"/></Case></Cases>
<Graphs><Graph guid="{G[15]}" name="map"/></Graphs>
<Gadget guid="{G[16]}"><Coding guid="{G[17]}"><CodeRef targetGUID="{G[1]}"/></Coding></Gadget>
</Project>"""


def _package(tmp_path: Path) -> Path:
    out = tmp_path / "odd.qdpx"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", _qde())
        z.writestr(f"sources/{G[3]}.txt", TEXT)
        z.writestr(f"sources/{G[9]}.txt", "메모 본문: 시기가 중요하다")
    return out


def test_everything_in_the_file_is_imported_or_listed(project: Project, tmp_path: Path) -> None:
    report = import_qdpx(project, _package(tmp_path))
    assert report.codings == 1 and report.links == 1 and report.memos == 2
    (memo,) = project.memos.list("case", "P01")  # a Case's NoteRef: a memo on the case
    assert memo.text == "met twice, in Seoul"
    assert report.skipped == {
        "TextSource: points outside the package": 1,
        "PlainTextSelection in a skipped TextSource": 1,
        "Coding in a skipped TextSource": 1,
        "PlainTextSelection in a Note (memo text is not coded)": 1,
        "Coding in a Note (memo text is not coded)": 1,
        "Link: not between two codes (moksori links codes)": 1,
        "Set (moksori has no code or document sets)": 1,
        "MemberSource in a skipped Set": 1,
        "MemberCode in a skipped Set": 1,
        "Graph (moksori draws its own code maps)": 1,
        f"Coding: {UNHANDLED}": 1,  # inside an element no REFI-QDA file has
    }
    found = report.elements
    assert found["Coding"] == 4 and found["PlainTextSelection"] == 3 and found["Link"] == 2
    imported = {"User": 1, "Code": 2, "TextSource": 2, "Note": 2, "Case": 1, "SourceRef": 1}
    assert all(found[k] == n for k, n in imported.items())
    (link,) = project.codebook.links()
    assert (link.from_code, link.to_code, link.relation) == ("시기", "건너기", "precedes")
