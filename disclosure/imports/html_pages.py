"""Pages saved from an old government CMS, read into `import_documents` records.

The common layout of a county or township disclosure page (TRS WCM, 政务公开 site groups…): a
metadata table whose cells pair a label with its value (索引号 | 值 | 发布机构 | 值, or
``文号：友政发〔2021〕3号`` in one cell), the title in a heading, the article body in a content
container (``#zoom``, ``.TRS_Editor``, ``#UCAP-CONTENT``, ``.article-content``…) and links to the
attached files. The old 索引号 is not imported: the new catalogue numbers its items itself.
"""

import posixpath
import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from disclosure.catalogue.attachments import allowed_extensions

from .importer import VALIDITIES

# Record key for each metadata label an old page uses (first label found in a cell decides).
META_LABELS = [
    ("doc_number", ("文号", "发文字号")),
    ("written_at", ("成文日期", "发文日期", "生成日期")),
    ("published_at", ("发布日期", "公开日期", "发布时间")),
    ("title", ("名称", "标题")),
    ("validity", ("有效性", "时效")),
    ("abolished_at", ("废止日期", "失效日期")),
    ("publisher", ("发布机构", "发文机关", "公开主体")),
    ("old_index_number", ("索引号",)),
]
BODY_SELECTORS = [
    "#zoom",
    ".TRS_Editor",
    "#UCAP-CONTENT",
    ".article-content",
    ".article_con",
    "#content",
    ".content",
]
DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
LABEL_VALUE = re.compile(r"^([^：:]{2,8})[：:]\s*(.*)$", re.S)


def meta_key(label):
    label = re.sub(r"[\s：:]", "", label)
    for key, words in META_LABELS:
        if any(label == word or label.startswith(word) for word in words):
            return key
    return None


def text_of(element):
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True)).strip()


def metadata(soup):
    """{record key: value} from the label/value cells, and the tables that held them."""
    found, tables = {}, []
    for table in soup.find_all("table"):
        cells = [text_of(cell) for cell in table.find_all(["td", "th"])]
        hits = 0
        for position, cell in enumerate(cells):
            match = LABEL_VALUE.match(cell)
            if match and meta_key(match.group(1)) and match.group(2).strip():
                found.setdefault(meta_key(match.group(1)), match.group(2).strip())
                hits += 1
            elif meta_key(cell) and len(cell) <= 10 and position + 1 < len(cells):
                found.setdefault(meta_key(cell), cells[position + 1])
                hits += 1
        if hits >= 2:
            tables.append(table)
    return found, tables


def iso_date(text):
    match = DATE.search(text or "")
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}"


def body_element(soup, metadata_tables):
    for table in metadata_tables:
        table.decompose()
    for selector in BODY_SELECTORS:
        element = soup.select_one(selector)
        if element is not None and text_of(element):
            return element
    # No known container: the block with the most text of its own paragraphs.
    candidates = soup.find_all(["div", "article", "td"])
    return max(
        candidates,
        key=lambda element: len(text_of(element)) - 5 * len(element.find_all("a")),
        default=soup.body or soup,
    )


def attachment_links(body, page_path):
    """{title, path} of the body's links to files of an allowed type, removed from the body;
    a relative link is resolved against the page's place in the folder."""
    extensions = set(allowed_extensions())
    found = []
    for link in body.find_all("a", href=True):
        href = link["href"].strip()
        parts = urlsplit(href)
        extension = posixpath.splitext(parts.path)[1].lstrip(".").lower()
        if extension not in extensions:
            continue
        if parts.scheme in ("http", "https"):
            path = href
        elif parts.path.startswith("/"):
            path = parts.path.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), parts.path))
        found.append({"title": text_of(link) or posixpath.basename(parts.path), "path": path})
        # The link's words stay in the body: nothing the page said is lost if the file is not
        # found, and the attachment itself follows the text.
        link.replace_with(link.get_text())
    return found


def page_text(data):
    """A saved page's bytes as text: UTF-8 (with or without its byte-order mark) when they
    are, else the charset the page declares, else GB18030, which old Chinese CMSs write as
    GB2312 or GBK (and which reads both)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = DECLARED_CHARSET.search(data[:4096])
    charset = declared.group(1).decode("ascii").lower() if declared else "gb18030"
    if charset in ("gb2312", "gbk", "gb_2312-80", "x-gbk", "cp936", "utf-8", "utf8"):
        charset = "gb18030"  # not UTF-8 after all: the usual mislabel of a GBK page
    try:
        return data.decode(charset, errors="replace")
    except LookupError:
        return data.decode("gb18030", errors="replace")


DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
# A date in the line above the article (发布时间：2021-03-05  来源：…) when no table gives it.
INFO_LINE_DATE = re.compile(
    r"(?:发布日期|发布时间|公开日期)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})"
)


def page_date_outside(soup, body):
    """The 发布日期 a page gives outside its article: the PubDate meta tag government sites
    carry, else the line above the article (发布时间：…). Never from the article's own text,
    which may quote another document's date."""
    meta = soup.find("meta", attrs={"name": PUBDATE_META})
    if meta is not None and iso_date(meta.get("content")):
        return meta["content"]
    if body is not soup and body is not soup.body:
        body.decompose()  # read already: the page without its article
    info_line = INFO_LINE_DATE.search(soup.get_text(" "))
    return info_line.group(1) if info_line else None


PUBDATE_META = re.compile(r"^(PubDate|pubdate|publishdate|firstpublishedtime)$", re.I)


def page_record(html, page_path, column, base_url=""):
    """The `import_documents` record of one saved page. `page_path` is its path below the
    folder (POSIX); `base_url` the old site's root, which makes `source_url` its old address."""
    soup = BeautifulSoup(html, "html.parser")
    canonical = soup.find("link", rel="canonical")
    found, tables = metadata(soup)
    heading = soup.find(["h1", "h2"])
    title = found.get("title") or (text_of(heading) if heading else "")
    if not title and soup.title:
        title = text_of(soup.title)
    body = body_element(soup, tables)
    record = {
        "title": title,
        "category": column,
        "attachments": attachment_links(body, page_path),
        "body": body.decode_contents() if hasattr(body, "decode_contents") else str(body),
    }
    if canonical is not None and canonical.get("href", "").startswith("http"):
        record["source_url"] = canonical["href"]
    elif base_url:
        record["source_url"] = base_url.rstrip("/") + "/" + page_path
    else:
        record["source_url"] = page_path
    for key in ("doc_number", "validity"):
        if found.get(key):
            record[key] = found[key]
    if not found.get("published_at"):
        found["published_at"] = page_date_outside(soup, body)
    for key in ("written_at", "published_at", "abolished_at"):
        date = iso_date(found.get(key))
        if date:
            record[key] = date
    if record.get("validity") not in (None, *VALIDITIES):  # the words the importer reads
        del record["validity"]  # e.g. "现行有效": not one of the contract's values
    return record
