"""English names of the subjects (主题分类), shown on /en/ pages; the 26 seeded grassroots
domains (0003) get theirs, where an administrator has not written one."""

from django.db import migrations, models

ENGLISH_NAMES = {
    "城乡规划": "Urban and rural planning",
    "重大建设项目": "Major construction projects",
    "公共资源交易": "Public resource trading",
    "财政预决算": "Budgets and final accounts",
    "安全生产": "Work safety",
    "税收管理": "Tax administration",
    "征地补偿": "Compensation for land acquisition",
    "国有土地上房屋征收与补偿": "Expropriation of housing on state-owned land and compensation",
    "环境保护": "Environmental protection",
    "公共文化服务": "Public cultural services",
    "扶贫": "Poverty alleviation",
    "救灾": "Disaster relief",
    "社会救助": "Social assistance",
    "养老服务": "Elderly care services",
    "户籍管理": "Household registration",
    "涉农补贴": "Agricultural subsidies",
    "食品药品监管": "Food and drug safety supervision",
    "城市综合执法": "Urban law enforcement",
    "义务教育": "Compulsory education",
    "医疗卫生": "Medical and health services",
    "市政服务": "Municipal services",
    "就业": "Employment",
    "社会保险": "Social insurance",
    "农村危房改造": "Renovation of dilapidated rural housing",
    "保障性住房": "Government-subsidised housing",
    "公共法律服务": "Public legal services",
}


def name_in_english(apps, schema_editor):
    Domain = apps.get_model("catalogue", "Domain")
    for name, name_en in ENGLISH_NAMES.items():
        Domain.objects.filter(name=name, name_en="").update(name_en=name_en)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0013_organisation_name_en")]

    operations = [
        migrations.AddField(
            model_name="domain",
            name="name_en",
            field=models.CharField(
                blank=True,
                help_text="英文页面（/en/）上显示的主题名称，留空时显示中文名称。",
                max_length=100,
                verbose_name="英文名称",
            ),
        ),
        migrations.RunPython(name_in_english, migrations.RunPython.noop),
    ]
