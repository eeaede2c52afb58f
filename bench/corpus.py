"""A deterministic corpus of Chinese disclosure pages and a fixed query set for the search bench."""

import itertools
import random

ORGS = ["友谊镇人民政府", "和平县医疗保障局", "东湖街道办事处", "青山县财政局", "临江镇人民政府"]
COLUMNS = ["预算决算", "办事指南", "政策文件", "通知公告", "政务公开", "社会救助", "重点项目"]
PHRASES = [
    "政府信息公开",
    "部门预算",
    "最低生活保障",
    "低保",
    "老旧小区改造",
    "办事指南",
    "医疗保障",
    "城乡居民",
    "养老保险",
    "财政资金",
    "公共服务",
    "乡村振兴",
    "安全生产",
    "疫情防控",
    "行政许可",
    "便民服务",
    "义务教育",
    "临时救助",
    "特困人员",
    "住房保障",
    "农村公路",
    "生态环境",
    "耕地保护",
    "防汛抗旱",
    "营商环境",
    "政务服务",
    "残疾人补贴",
    "高龄津贴",
]
FILLER = "的和在对按照根据进一步加强做好有关工作落实情况全面推进切实保障依法规范开展组织实施"
TITLE_TEMPLATES = ["关于{a}的通知", "{year}年{a}情况公开", "{org}{a}实施方案", "{a}和{b}工作要点"]


VOCABULARY_SIZE = 4000


def vocabulary(seed: int = 1) -> list[str]:
    """The domain phrases spread among synthetic 2–4 character words, most frequent first."""
    rng = random.Random(seed)
    words = [
        "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(2, 4)))
        for _ in range(VOCABULARY_SIZE)
    ]
    for rank, phrase in enumerate(PHRASES):
        words[rank * VOCABULARY_SIZE // (2 * len(PHRASES))] = phrase
    return words


VOCABULARY = vocabulary()
# Zipf, like real text: the few frequent words are in most pages, most words in a handful.
CUMULATIVE_WEIGHTS = list(itertools.accumulate(1 / (rank + 1) for rank in range(VOCABULARY_SIZE)))


def page(rng: random.Random, number: int) -> dict:
    a, b = rng.sample(PHRASES, 2)
    year = rng.randint(2015, 2025)
    org = rng.choice(ORGS)
    title = rng.choice(TITLE_TEMPLATES).format(a=a, b=b, year=year, org=org)
    sentences = []
    for _ in range(rng.randint(6, 12)):
        words = []
        for _ in range(rng.randint(8, 16)):
            draw = rng.random()
            if draw < 0.2:
                words.append(rng.choice(PHRASES))
            elif draw < 0.5:
                words.append(rng.choices(VOCABULARY, cum_weights=CUMULATIVE_WEIGHTS)[0])
            else:
                words.append(rng.choice(FILLER))
        sentences.append("".join(words) + "。")
    doc_number = f"{org[:2]}发〔{year}〕{number % 97 + 1}号"
    return {"title": title, "body": doc_number + "".join(sentences)}


def generate(count: int, seed: int = 20261127) -> list[dict]:
    """`count` pages in publication order (the last is the newest)."""
    rng = random.Random(seed)
    return [page(rng, n) for n in range(count)]


def queries(seed: int = 7) -> list[str]:
    """≥100 queries: every phrase, 2–6 character slices of phrases, single characters, pairs."""
    rng = random.Random(seed)
    result = list(PHRASES)
    for phrase in PHRASES:
        if len(phrase) >= 3:
            start = rng.randrange(len(phrase) - 1)
            result.append(phrase[start : start + rng.randint(2, min(6, len(phrase) - start))])
    result += ["税", "镇", "号"]
    result += [VOCABULARY[rank] for rank in rng.sample(range(30, VOCABULARY_SIZE), 40)]
    result += [" ".join(rng.sample(PHRASES, 2)) for _ in range(30)]
    result += ["不存在的词语", "量子计算机"]
    return list(dict.fromkeys(q for q in result if q.strip()))
