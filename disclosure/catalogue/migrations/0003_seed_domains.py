"""Seed the 26 grassroots disclosure domains (基层政务公开标准目录, docs/domain.md)."""

from django.db import migrations

DOMAINS = [
    "城乡规划", "重大建设项目", "公共资源交易", "财政预决算", "安全生产", "税收管理", "征地补偿",
    "国有土地上房屋征收与补偿", "环境保护", "公共文化服务", "扶贫", "救灾", "社会救助", "养老服务",
    "户籍管理", "涉农补贴", "食品药品监管", "城市综合执法", "义务教育", "医疗卫生", "市政服务",
    "就业", "社会保险", "农村危房改造", "保障性住房", "公共法律服务",
]


def seed(apps, schema_editor):
    Domain = apps.get_model("catalogue", "Domain")
    for order, name in enumerate(DOMAINS, start=1):
        Domain.objects.get_or_create(name=name, defaults={"sort_order": order})


def unseed(apps, schema_editor):
    # Only the untouched seed rows go; domains administrators added or items use stay.
    Domain = apps.get_model("catalogue", "Domain")
    Domain.objects.filter(name__in=DOMAINS).delete()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_domain_organisation_index_pattern_and_more")]

    operations = [migrations.RunPython(seed, unseed)]
