"""Records in the `import_documents` contract for the import tests."""


def record(n, **fields):
    return {
        "title": f"关于做好第{n}批垃圾分类工作的通知",
        "body": f"<p>各村（社区）：</p><p>第{n}批垃圾分类工作安排如下。</p>",
        "category": "政策信息",
        "published_at": f"2021-{n % 12 + 1:02d}-{n % 28 + 1:02d}",
        "written_at": f"2021-{n % 12 + 1:02d}-01",
        "doc_number": f"测政发〔2021〕{n}号",
        "keywords": ["垃圾分类", f"批次{n}"],
        "source_url": f"http://old.example.gov.cn/xxgk/{n}.html",
        **fields,
    }
