"""The Latin-letter words the Chinese admin may show, and why: everything else in Latin letters
on an admin screen in zh-hans is an untranslated interface string (issue 17).

Checked by gongkai/languages/tests/test_admin_chinese.py (every catalogue message) and
tests/browser/test_chinese_admin.py (every screen each role reaches).
"""

import re

ALLOWED = {
    # File formats, named as the files are and as offices call them.
    *("PDF", "OFD", "DOC", "DOCX", "XLS", "XLSX", "WPS", "CSV", "TXT", "ZIP", "PO"),
    *("JSON", "HTML", "XML", "SVG", "AVIF", "GIF", "JPG", "JPEG", "PNG", "WEBP", "HEIC", "ICO"),
    # Abbreviations Chinese interfaces use as they are (身份证号 ID, 网址 URL, 接口 API).
    *("ID", "URL", "API", "RSS", "IP", "HTTP", "HTTPS", "JavaScript"),
    # ICP备案号: the site's licence number under the telecom regulator's ICP filing.
    "ICP",
    # Units of file sizes.
    *("KB", "MB", "GB", "TB"),
    # A language's own name in the language choosers, so that its readers find it.
    "English",
    # Authenticator apps the two-factor enrolment names, as their users find them in app stores.
    *("Microsoft", "Google", "Authenticator", "FreeOTP", "TOTP"),
}

# URLs, e-mail addresses, paths and HTML tags are addresses and markup, not words of the
# interface; placeholders are filled in at run time; a capital with digits is a code (the
# report rules R1–R9, a table's cell B2).
NOT_WORDS = re.compile(
    r"https?://\S+|[\w.+-]+@[\w.-]+|(?<!\w)/[\w/.\-\[\]]+|<[^>]+>|%\(\w+\)[sdr]|%[sd]|\{[\w:]*\}"
    r"|\b[A-Z]\d+\b"
)
WORD = re.compile(r"[A-Za-z](?:[A-Za-z'’]*[A-Za-z])?")


def latin_words(text, allowed=frozenset()):
    """The Latin-letter words of `text` that are neither in ALLOWED nor in `allowed`."""
    return [
        word
        for word in WORD.findall(NOT_WORDS.sub(" ", text))
        if word not in ALLOWED and word not in allowed
    ]
