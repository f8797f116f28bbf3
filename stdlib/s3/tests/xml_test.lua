-- assay.s3.xml: the small XML reader on S3's answer shapes and malformed input.
local xml = require("assay.s3.xml")

local fails = require("assay.testing.support").fails

test("a ListBucketResult with prolog, namespace, entities and a CDATA key", function()
  local doc = [==[<?xml version="1.0" encoding="UTF-8"?>
<!-- listing -->
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>backups</Name><Prefix>db/</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>
  <IsTruncated>false</IsTruncated>
  <Contents>
    <Key>db/a&amp;b &lt;1&gt; &#233;&#x263A;</Key>
    <ETag>&quot;9b2cf535f27731c974343645a3985328&quot;</ETag>
    <Size>42</Size>
  </Contents>
  <Contents><Key><![CDATA[db/<raw> & co]]></Key><Size>0</Size></Contents>
</ListBucketResult>
]==]
  local root = xml.parse(doc)
  assert.eq(root.name, "ListBucketResult")
  assert.eq(root.attrs.xmlns, "http://s3.amazonaws.com/doc/2006-03-01/")
  assert.eq(xml.text(root, "Name"), "backups")
  assert.eq(xml.text(root, "KeyCount"), "2")
  local contents = xml.all(root, "Contents")
  assert.eq(#contents, 2)
  assert.eq(xml.text(contents[1], "Key"), "db/a&b <1> é☺")
  assert.eq(xml.text(contents[1], "ETag"), '"9b2cf535f27731c974343645a3985328"')
  assert.eq(xml.text(contents[2], "Key"), "db/<raw> & co")
  assert.eq(xml.text(root, "Missing"), nil)
  assert.eq(xml.child(root, "Missing"), nil)
  assert.eq(#xml.all(root), 7)
end)

test("an Error document; prefixes dropped; self-closing and single-quoted attributes", function()
  local root = xml.parse("<s3:Error xmlns:s3='urn:x'><s3:Code>NoSuchKey</s3:Code><Message>The specified key does not exist.</Message><Empty/><Tag a='1' b=\"2\" /></s3:Error>")
  assert.eq(root.name, "Error")
  assert.eq(xml.text(root, "Code"), "NoSuchKey")
  assert.eq(xml.text(root, "Message"), "The specified key does not exist.")
  assert.eq(xml.text(root, "Empty"), "")
  assert.eq(xml.child(root, "Tag").attrs.a, "1")
  assert.eq(xml.child(root, "Tag").attrs.b, "2")
end)

test("text keeps its spaces; unknown entities stay as written", function()
  local root = xml.parse("<a><k>  two  spaces </k><e>&nbsp;&x41;</e></a>")
  assert.eq(xml.text(root, "k"), "  two  spaces ")
  assert.eq(xml.text(root, "e"), "&nbsp;&x41;")
end)

test("a DOCTYPE is skipped", function()
  assert.eq(xml.parse('<!DOCTYPE note><note a="x">hi</note>').text, "hi")
end)

test("malformed documents raise xml: <problem> at line <n>", function()
  fails("xml: unexpected end tag </b> at line 1", xml.parse, "<a></b>")
  fails("xml: unexpected end tag </a>", xml.parse, "<a><b></a>")
  fails("xml: unclosed element <a>", xml.parse, "<a>")
  fails("xml: no root element", xml.parse, "   ")
  fails("xml: text outside the root element", xml.parse, "oops<a/>")
  fails("xml: a second root element", xml.parse, "<a/><b/>")
  fails("xml: unterminated tag <a>", xml.parse, '<a x="1"')
  fails("xml: bad tag name at line 2", xml.parse, "<a>\n< b/></a>")
  fails("xml: unterminated comment", xml.parse, "<a><!-- x</a>")
  fails("xml: misplaced or unterminated CDATA", xml.parse, "<a><![CDATA[x</a>")
  fails("xml: unterminated processing instruction", xml.parse, "<?xml <a/>")
end)
