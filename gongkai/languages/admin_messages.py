# ruff: noqa: E501 (the framework's messages are quoted whole, however long)
"""Chinese for the admin strings that Wagtail and its companions leave in English.

Wagtail 8.0's zh_Hans catalogues miss about 500 of the admin's strings (new in 7.x and 8.0:
autosave, keyboard shortcuts, content checks, API tokens, …), so a 信息员 at a township met
"34 Pages", "Saved" and validation banners in English on day one (issue 17), and one
translation that exists reads badly ("%(label)s 和发布" gave the leader's button "通过 和发布").

Each message is the framework's msgid, exactly, with our Chinese. `make messages` extracts only
our own source, so these could not live in locale/ alone: `catalogues.fill_source_language`
writes them into locale/zh_Hans/LC_MESSAGES/django.po every time it runs, and
`catalogues.write_javascript_catalogue` writes DJANGOJS into djangojs.po (Wagtail's
JavaScript strings). Catalogues in LOCALE_PATHS win over the apps' own.

`gongkai/languages/tests/test_admin_chinese.py` fails when any message of an installed app's
English catalogue has no Chinese (after these overrides), so a Wagtail upgrade that adds
strings says which ones to add here; `tests/browser/test_chinese_admin.py` walks the admin as
each role for what no catalogue holds (model names, dates, data).
"""

from typing import NamedTuple


class Msg(NamedTuple):
    msgid: str
    plural: str | None = None
    context: str | None = None


def _messages(table):
    """Plain strings as keys stand for messages without plural or context."""
    return {key if isinstance(key, Msg) else Msg(key): chinese for key, chinese in table.items()}


DJANGO = _messages(
    {
        # ---------------------------------------------------------------- wagtail.admin
        "%(label)s and Publish": "%(label)s并发布",
        # A 信息员 does not speak of “工作流”, and read the link to the live page, “发布”, as the
        # button that publishes: the review's own words, and “已发布” as a state.
        "Cancel workflow ": "撤回送审",
        "Restart workflow ": "从第一步重新送审",
        "Resubmit to %(task_name)s": "修改后重新送审（%(task_name)s）",
        "Live": "已发布",
        "live": "已发布",
        # The chooser of 主题分类 and other records: "片段" (snippet) is the framework's word.
        'Sorry, no snippets match "<em>%(search_query)s</em>"': "抱歉，没有与“<em>%(search_query)s</em>”匹配的项目",
        "Wagtail admin": "管理后台",
        # Wagtail's Chinese put a space where Chinese has none: "对不起， 你没有权限访问。",
        # "2 分钟 之前", "选择 主题分类".
        "Sorry, you do not have permission to access this area.": "对不起，您没有权限访问。",
        "%(time_period)s ago": "%(time_period)s前",
        "Choose %(object)s": "选择%(object)s",
        # Wagtail's Chinese read "用户 用户名 密码不匹配，请重试" at a wrong password.
        "Your %(username_field)s and password didn't match. Please try again.": (
            "%(username_field)s或密码不正确，请重试。"
        ),
        "Use server language: %(language_name)s": "使用服务器语言：%(language_name)s",
        'You do not have permission to publish pages at "%(page_title)s"': (
            "您没有在“%(page_title)s”下发布页面的权限"
        ),
        "The slug '%(page_slug)s' is already in use within the parent page.": (
            "缩略名“%(page_slug)s”已被同一上级页面下的其他页面使用。"
        ),
        "The new page will be a child of this given parent page.": "新页面将成为所选上级页面的子页面。",
        "Tag(s) %(value_too_long)s are over %(max_tag_length)d characters.": (
            "标签 %(value_too_long)s 超过了 %(max_tag_length)d 个字符。"
        ),
        "Can access Wagtail admin": "可以进入管理后台",
        "item": "项",
        "items": "项",
        "Go to the first error": "转到第一处错误",
        'The URL you entered, <a target="_blank" rel="noreferrer" href="%(submitted_url)s">%(submitted_url)s</a>, looks like it matches the internal page %(page)s, which has the URL <a target="_blank" rel="noreferrer" href="%(internal_url)s">%(internal_url)s</a>.': (
            '您输入的网址 <a target="_blank" rel="noreferrer" href="%(submitted_url)s">%(submitted_url)s</a> 似乎就是站内页面 %(page)s，其网址为 <a target="_blank" rel="noreferrer" href="%(internal_url)s">%(internal_url)s</a>。'
        ),
        "This %(model_name)s is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>.": (
            "此%(model_name)s正处于<strong>%(workflow)s</strong>的<strong>%(task)s</strong>步骤。"
        ),
        "Publishing this %(model_name)s will cancel the current workflow.": (
            "发布此%(model_name)s将取消当前的工作流。"
        ),
        "Actions (footer)": "操作（页脚）",
        'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?': (
            '还没有%(model_name)s。<a href="%(add_url)s">添加一个</a>？'
        ),
        "Preview cannot display due to validation errors. <br /> Click save to highlight the relevant fields.": (
            "有校验错误，无法显示预览。<br />点击保存，相关字段将被标出。"
        ),
        Msg("Moved down 1 place.", "Moved down %(counter)s places."): "已下移 %(counter)s 位。",
        Msg("Moved up 1 place.", "Moved up %(counter)s places."): "已上移 %(counter)s 位。",
        "Wagtail %(current_version)s editor guide": "编辑指南",
        "Privacy and access": "访问权限",
        Msg(
            '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        ): '%(total)s 个页面<span class="w-sr-only">（%(site_name)s）</span>',
        "Wagtail upgrade available": "有新版本可升级",
        'Your version: <strong>%(current_version)s</strong>. New version: <strong data-w-upgrade-target="latestVersion"></strong>.': (
            '当前版本：<strong>%(current_version)s</strong>。新版本：<strong data-w-upgrade-target="latestVersion"></strong>。'
        ),
        "Read the release notes.": "查看版本说明。",
        "Your pages and snippets in a workflow": "我正在审核中的稿件",
        "Things in Wagtail %(version)s have changed!": "系统已更新到 %(version)s 版！",
        'Don\'t worry, we\'ve got your back. Check out the <a class="w-whats-new__link" href="%(editor_guide_link)s" target="_blank" rel="noreferrer">Wagtail Editor Guide</a> to get the low down on what\'s changed and some exciting new features!': (
            '请查看<a class="w-whats-new__link" href="%(editor_guide_link)s" target="_blank" rel="noreferrer">编辑指南</a>，了解有哪些变化和新功能。'
        ),
        "Sign in to Wagtail": "登录管理后台",
        'The %(model_name)s "%(title)s" has been approved in moderation stage "%(task)s".': (
            "%(model_name)s“%(title)s”已在审核步骤“%(task)s”通过。"
        ),
        'The %(model_name)s "%(title)s" has been approved in "%(task)s".': (
            "%(model_name)s“%(title)s”已在“%(task)s”通过。"
        ),
        'The %(model_name)s "%(title)s" has been rejected in moderation stage "%(task)s".': (
            "%(model_name)s“%(title)s”在审核步骤“%(task)s”被退回。"
        ),
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s".': (
            "%(model_name)s“%(title)s”在“%(task)s”被退回。"
        ),
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s".': (
            "%(model_name)s“%(title)s”已提交到审核步骤“%(task)s”。"
        ),
        "You can preview the %(model_name)s here:": "可在此预览该%(model_name)s：",
        'The %(model_name)s "%(title)s" has been submitted for approval to moderation stage "%(task)s".': (
            "%(model_name)s“%(title)s”已提交到审核步骤“%(task)s”。"
        ),
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s"': (
            "%(model_name)s“%(title)s”已提交到审核步骤“%(task)s”"
        ),
        'The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".': (
            "%(model_name)s“%(title)s”已在工作流“%(workflow)s”中审核通过。"
        ),
        'The %(model_name)s "%(title)s" has been approved in "%(workflow)s".': (
            "%(model_name)s“%(title)s”已在“%(workflow)s”中审核通过。"
        ),
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.': (
            "%(model_name)s“%(title)s”在工作流“%(workflow)s”的“%(task)s”步骤被 %(rejector)s 退回。"
        ),
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".': (
            "%(model_name)s“%(title)s”在工作流“%(workflow)s”的“%(task)s”步骤被退回。"
        ),
        'The %(model_name)s "%(title)s" has been rejected during "%(workflow)s".': (
            "%(model_name)s“%(title)s”在“%(workflow)s”中被退回。"
        ),
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.': (
            "%(requester)s 已将%(model_name)s“%(title)s”提交到工作流“%(workflow)s”审核。"
        ),
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".': (
            "%(model_name)s“%(title)s”已提交到工作流“%(workflow)s”审核。"
        ),
        'The page "%(title)s" has been submitted to workflow "%(workflow)s"': (
            "页面“%(title)s”已提交到工作流“%(workflow)s”"
        ),
        'The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"': (
            "%(model_name)s“%(title)s”已提交到工作流“%(workflow)s”"
        ),
        "Changing the privacy for this page has been disabled.": "此页面的访问权限不能修改。",
        "Scheduling…": "正在设置定时…",
        "Schedule to publish": "定时发布",
        Msg(
            "The following page cannot be moved due to duplicate slug",
            "The following pages cannot be moved due to duplicate slugs",
        ): "以下页面的缩略名与目标位置的页面重复，不能移动",
        Msg(
            "Deleting this page will also delete %(descendant_count)s child page.",
            "Deleting this page will also delete %(descendant_count)s more child pages.",
        ): "删除此页面将同时删除其下 %(descendant_count)s 个子页面。",
        Msg(
            "It will also delete 1 translation and its combined %(translation_descendant_count)s translated child page.",
            "It will also delete 1 translation and its combined %(translation_descendant_count)s translated child pages.",
        ): "还将删除 1 个译本及其下共 %(translation_descendant_count)s 个已翻译的子页面。",
        Msg(
            "It will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child page.",
            "It will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child pages.",
        ): "还将删除 %(translation_count)s 个译本及其下共 %(translation_descendant_count)s 个已翻译的子页面。",
        Msg(
            "It will also delete %(translation_count)s translation.",
            "It will also delete %(translation_count)s translations.",
        ): "还将删除 %(translation_count)s 个译本。",
        Msg(
            "Deleting this page will also delete 1 translation and its combined %(translation_descendant_count)s translated child page.",
            "Deleting this page will also delete 1 translation and its combined %(translation_descendant_count)s translated child pages.",
        ): "删除此页面将同时删除 1 个译本及其下共 %(translation_descendant_count)s 个已翻译的子页面。",
        Msg(
            "Deleting this page will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child page.",
            "Deleting this page will also delete %(translation_count)s translations and their combined %(translation_descendant_count)s translated child pages.",
        ): "删除此页面将同时删除 %(translation_count)s 个译本及其下共 %(translation_descendant_count)s 个已翻译的子页面。",
        Msg(
            "Deleting this page will also delete %(translation_count)s translation of this page.",
            "This will also delete %(descendant_count)s more child pages. Deleting this page will also delete %(translation_count)s translations of this page.",
        ): "删除此页面将同时删除其 %(translation_count)s 个译本。",
        Msg(
            "This will also move one translation of this page and its child pages",
            "This will also move %(translations_to_move_count)s translations of this page and their child pages",
        ): "此页面的 %(translations_to_move_count)s 个译本及其子页面也将一起移动",
        Msg(
            "This will also unpublish one translation of the page.",
            "This will also unpublish all %(translation_count)s translations of the page.",
        ): "此页面的 %(translation_count)s 个译本也将取消发布。",
        Msg(
            "This page has one subpage and its translations have a combined one translated child page. Unpublish these too",
            "This page has %(live_descendant_count)s child pages and its translations have a combined one translated child page. Unpublish these too",
        ): "此页面有 %(live_descendant_count)s 个子页面，其译本下另有 1 个已翻译的子页面，一并取消发布",
        Msg(
            "This page has one child page and its translations have a combined %(translation_descendant_count)s translated child pages. Unpublish these too",
            "This page has %(live_descendant_count)s child pages and its translations have a combined %(translation_descendant_count)s translated child pages. Unpublish these too",
        ): "此页面有 %(live_descendant_count)s 个子页面，其译本下共有 %(translation_descendant_count)s 个已翻译的子页面，一并取消发布",
        Msg(
            "This page has one subpage. Unpublish this too",
            "This page has %(live_descendant_count)s subpages. Unpublish these too",
        ): "此页面有 %(live_descendant_count)s 个子页面，一并取消发布",
        "This page was marked as needing changes at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>.": (
            "此页面在<strong>%(workflow)s</strong>的<strong>%(task)s</strong>步骤被退回修改。"
        ),
        "This page is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>.": (
            "此页面正处于<strong>%(workflow)s</strong>的<strong>%(task)s</strong>步骤。"
        ),
        "The root level is where you can add new sites to your Wagtail installation. Pages created here will not be accessible at any URL until they are associated with a site.": (
            "根目录用于添加新的站点。在这里创建的页面，在与某个站点关联之前，任何网址都访问不到。"
        ),
        "If you just want to add pages to an existing site, create them as children of the homepage instead.": (
            "如果只是要在现有站点中添加页面，请在首页下创建。"
        ),
        "Pages created here will not be accessible at any URL. To add pages to an existing site, create them as children of the homepage.": (
            "在这里创建的页面，任何网址都访问不到。要在现有站点中添加页面，请在首页下创建。"
        ),
        "There is no site set up for this location. Pages created here will not be accessible at any URL until a site is associated with this location.": (
            "此位置没有设置站点。在这里创建的页面，在此位置与某个站点关联之前，任何网址都访问不到。"
        ),
        "There is no site record for this location. Pages created here will not be accessible at any URL.": (
            "此位置没有站点记录。在这里创建的页面，任何网址都访问不到。"
        ),
        "This page is locked, by you, to further editing": "此页面已被您锁定，禁止再编辑",
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s across entire site.": (
            "全站共 %(items_count)s 个%(model_name)s，第 %(start_index)s–%(end_index)s 个。"
        ),
        "No results across entire site.": "全站没有结果。",
        "Search in '<span class=\"w-title-ellipsis\">%(title)s</span>'": (
            '在“<span class="w-title-ellipsis">%(title)s</span>”中搜索'
        ),
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in '<span class=\"w-title-ellipsis\">%(title)s</span>'.": (
            '“<span class="w-title-ellipsis">%(title)s</span>”中共 %(items_count)s 个%(model_name)s，第 %(start_index)s–%(end_index)s 个。'
        ),
        "No results in '<span class=\"w-title-ellipsis\">%(title)s</span>'.": (
            '“<span class="w-title-ellipsis">%(title)s</span>”中没有结果。'
        ),
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s": (
            "共 %(items_count)s 个%(model_name)s，第 %(start_index)s–%(end_index)s 个"
        ),
        Msg(
            "There is one matching page", "There are %(counter)s matching pages"
        ): "有 %(counter)s 个页面符合条件",
        "Choose when this %(model_name)s should go live and/or expire": (
            "选择此%(model_name)s上线和（或）到期下线的时间"
        ),
        "Choose when this page should go live and/or expire": "选择此页面上线和（或）到期下线的时间",
        'This publishing schedule will only take effect after you select the "Schedule to publish" option': (
            "选择“定时发布”后，此发布时间才会生效"
        ),
        "Anyone with editing permissions can create schedules": "有编辑权限的人都可以设置发布时间",
        "But only those with publishing permissions can make them effective.": (
            "但只有有发布权限的人才能使其生效。"
        ),
        "Locked by <b>you</b> at <b>%(locking_date)s</b>": (
            "<b>您</b>于 <b>%(locking_date)s</b> 锁定"
        ),
        "Locked by <b>%(locked_by)s</b> at <b>%(locking_date)s</b>": (
            "<b>%(locked_by)s</b> 于 <b>%(locking_date)s</b> 锁定"
        ),
        "Saved": "已保存",
        "Autosave is paused": "自动保存已暂停",
        "Edit account avatar": "修改头像",
        Msg(
            "This action will delete <b>%(total_pages_formatted)s</b> page in total.",
            "This action will delete <b>%(total_pages_formatted)s</b> pages in total.",
        ): "此操作将共删除 <b>%(total_pages_formatted)s</b> 个页面。",
        "Please type <b>%(wagtail_site_name)s</b> to confirm.": (
            "请输入 <b>%(wagtail_site_name)s</b> 以确认。"
        ),
        "You saved a new version in another window": "您在另一个窗口中保存了新版本",
        "System": "系统",
        "%(user_name)s saved a new version": "%(user_name)s 保存了新版本",
        "View latest version": "查看最新版本",
        "You have unsaved changes in another window": "您在另一个窗口中有未保存的修改",
        "%(user_name)s has unsaved changes": "%(user_name)s 有未保存的修改",
        "Currently idle": "暂未操作",
        "Currently viewing": "正在查看",
        Msg(
            "One other user is currently viewing", "%(num_user)s other users are currently viewing"
        ): "另有 %(num_user)s 人正在查看",
        "Proceeding will overwrite the changes you made in that window.": (
            "继续操作将覆盖您在那个窗口中所做的修改。"
        ),
        "Proceeding will overwrite the changes made by %(user_name)s.": (
            "继续操作将覆盖 %(user_name)s 所做的修改。"
        ),
        "Alternatively, you can view the latest version in a new tab.": (
            "您也可以在新标签页中查看最新版本。"
        ),
        "A network error occurred": "网络出错",
        "Troubleshoot your connection to the site before proceeding. Open the editor in a separate tab to view the last saved version.": (
            "请先检查与网站的连接再继续。可在另一个标签页中打开编辑页面，查看最后保存的版本。"
        ),
        "Download XLSX": "下载 XLSX",
        "Download CSV": "下载 CSV",
        "account": "账户设置",
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them.": (
            "键盘快捷键目前已关闭；可在%(account_link)s中开启。"
        ),
        "Section": "类别",
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them.": (
            "键盘快捷键目前已开启；可在%(account_link)s中关闭。"
        ),
        "Show issue": "显示问题",
        "Content metrics": "内容统计",
        "Words": "字数",
        "Reading time": "阅读时间",
        "Readability": "可读性",
        "This data explained": "数据说明",
        "How we calculate our metrics": "统计方法",
        "We extract the main content from the page preview, remove all formatting, and calculate the number of words.": (
            "从页面预览中提取正文，去掉全部格式后统计字数。"
        ),
        "We calculate reading time from word count, using different reading speeds for different languages.": (
            "按字数计算阅读时间，不同语言采用不同的阅读速度。"
        ),
        "We use a readability formula based on length of words and sentences. Long sentences and words result in a worse readability score.": (
            "可读性按词长和句长计算，句子和词越长，可读性得分越低。"
        ),
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more information on how content metrics are calculated.': (
            '内容统计的计算方法见<a href="%(guide_link)s" target="_blank">内容检查说明</a>。'
        ),
        "Available in %(translations_total)s locales": "共有 %(translations_total)s 种语言版本",
        "Locking: ": "锁定：",
        "Anyone can edit this %(model_name)s – lock it to prevent others from editing": (
            "任何人都可以编辑此%(model_name)s；锁定后其他人不能编辑"
        ),
        "Anyone can edit this %(model_name)s": "任何人都可以编辑此%(model_name)s",
        "Choose who can view the live version of this page": "选择谁可以查看此页面的已发布版本",
        "To be created by %(user)s": "将由 %(user)s 创建",
        "Invalid schedule": "发布时间无效",
        "Go-live:": "上线时间：",
        "Once scheduled:": "定时后：",
        "Refreshing…": "正在刷新…",
        "Refresh": "刷新",
        "Correct the validation errors to resume preview (saving will highlight errors)": (
            "改正校验错误后可继续预览（保存时会标出错误）"
        ),
        "Autosave is <span>paused</span>": "自动保存已<span>暂停</span>",
        "Save your changes before leaving": "离开前请保存修改",
        Msg(
            "This %(model_name)s is referenced %(usage_count)s time.",
            "This %(model_name)s is referenced %(usage_count)s times.",
        ): "此%(model_name)s被引用了 %(usage_count)s 次。",
        "One or more references to this %(model_name)s prevent it from being deleted.": (
            "此%(model_name)s仍被引用，不能删除。"
        ),
        "Status %(status)s": "状态：%(status)s",
        "%(action)s by <b>%(who)s</b> at <b>%(at)s</b>": (
            "<b>%(who)s</b> 于 <b>%(at)s</b> %(action)s"
        ),
        "%(action)s at <b>%(at)s</b>": "于 <b>%(at)s</b> %(action)s",
        "%(action)s by <b>%(who)s</b>": "<b>%(who)s</b> %(action)s",
        "This %(model_name)s hasn't been submitted for moderation yet": "此%(model_name)s尚未提交审核",
        'JavaScript is required to use Wagtail, but it is currently disabled.<br /> Here are the <a href="https://www.enable-javascript.com/" target="_blank" rel="noreferrer">instructions how to enable JavaScript in your web browser</a>.': (
            "管理后台需要浏览器启用 JavaScript，但目前已被禁用。<br />请在浏览器设置中启用 JavaScript 后刷新页面。"
        ),
        "Item %(index)s of %(total)s": "第 %(index)s 项，共 %(total)s 项",
        "Disable custom ordering": "关闭自定义排序",
        "Enable custom ordering": "开启自定义排序",
        "View Wagtail quick actions": "快捷操作",
        "Checks": "检查",
        "This workflow is currently in progress on %(workflow_states_in_progress)s pages. Deleting this workflow will cancel moderation on these page. Are you sure you want to delete this workflow?": (
            "此工作流正在 %(workflow_states_in_progress)s 个页面上进行。删除此工作流将取消这些页面的审核。确定要删除吗？"
        ),
        "Assign your workflow to snippets": "将工作流用于片段",
        "This workflow is disabled so it cannot be assigned to any snippets.": (
            "此工作流已停用，不能用于任何片段。"
        ),
        Msg("1 snippet type", "%(counter)s snippet types"): "%(counter)s 种片段",
        'Why not <a class="create-one-now" href="#tab-new" data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" data-w-tabs-focus-param="true">create one now</a>?': (
            '<a class="create-one-now" href="#tab-new" data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" data-w-tabs-focus-param="true">现在创建一个</a>？'
        ),
        "Cancelled by %(cancelled_by)s": "由 %(cancelled_by)s 取消",
        "More bulk actions": "更多批量操作",
        "at %(time)s by %(user_display_name)s": "%(user_display_name)s 于 %(time)s",
        "at %(time)s": "于 %(time)s",
        "%(time)s by %(user_display_name)s": "%(user_display_name)s，%(time)s",
        "%(time_period)s ago by %(user_display_name)s": "%(user_display_name)s，%(time_period)s前",
        "Changes requested %(finished_at)s": "%(finished_at)s 退回修改",
        # 我正在审核中的稿件: Wagtail's Chinese read "请求的更改 初审" for an item sent back at 初审.
        "Changes requested at": "已退回：",
        "Sent to %(task_name)s %(started_at)s": "%(started_at)s 提交到%(task_name)s",
        "Application": "应用",
        "Show keyboard shortcuts": "显示键盘快捷键",
        "Toggle minimap": "显示或隐藏缩略图",
        "Close modal dialogs (like this one)": "关闭对话框（如本对话框）",
        "Save changes": "保存修改",
        "Add or show comments": "添加或显示批注",
        "Text editing": "文本编辑",
        "Cut": "剪切",
        "Paste": "粘贴",
        "Paste and match style": "粘贴并匹配格式",
        "Paste without formatting": "粘贴为纯文本",
        "Text formatting": "文本格式",
        "Insert or edit a link": "插入或编辑链接",
        "Monospace (code)": "等宽（代码）",
        "Strike-through": "删除线",
        Msg("Referenced %(count)s time", "Referenced %(count)s times"): "被引用 %(count)s 次",
        "Toggle checks": "显示或隐藏检查结果",
        "(blank)": "（空白）",
        "Sort by '%(label)s' in ascending order.": "按“%(label)s”升序排列。",
        "Sort by '%(label)s' in descending order.": "按“%(label)s”降序排列。",
        "'%(page_title)s' has been moved successfully.": "“%(page_title)s”已移动。",
        "Focus on the drag button and press up or down arrows to move the item, then press enter to submit the change.": (
            "选中拖动按钮，按上下方向键移动该项，再按回车键确认。"
        ),
        "Button text is empty": "按钮文字为空",
        "Use meaningful text for screen reader users": "请使用有意义的文字，方便使用读屏软件的用户",
        "Empty heading found": "有空标题",
        "Table header text is empty": "表头文字为空",
        "Empty frame title found": "有内嵌框架缺少标题",
        "Use a meaningful title for screen reader users": "请使用有意义的标题，方便使用读屏软件的用户",
        "Incorrect heading hierarchy": "标题层级不正确",
        "Avoid skipping levels": "不要跳过标题层级",
        "Input button text is empty": "输入按钮文字为空",
        "Link text is empty": "链接文字为空",
        "Misusing paragraphs as headings": "把段落当作标题使用",
        "Use proper heading tags": "请使用标题格式",
        "Image alt text has inappropriate pattern": "图片替代文字不恰当",
        "Use meaningful text": "请使用有意义的文字",
        "Meta description is empty": "页面描述为空",
        "Add a concise description for search engines": "请为搜索引擎添加简明的描述",
        "%(classname)s object (%(id)s)": "%(classname)s（%(id)s）",
        "Theme preferences": "外观设置",
        "No %(model_name)s match your query.": "没有符合条件的%(model_name)s。",
        "%(model_name)s '%(title)s' is now unlocked.": "%(model_name)s“%(title)s”已解锁。",
        "%(model_name)s '%(object)s' has been scheduled for publishing.": (
            "%(model_name)s“%(object)s”已设定定时发布。"
        ),
        "%(model_name)s '%(object)s' created and scheduled for publishing.": (
            "%(model_name)s“%(object)s”已创建并设定定时发布。"
        ),
        "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing.": (
            "%(model_name)s“%(object)s”已发布，此版本已设定定时发布。"
        ),
        "%(model_name)s '%(object)s' updated and published.": "%(model_name)s“%(object)s”已更新并发布。",
        "%(model_name)s '%(object)s' created and published.": "%(model_name)s“%(object)s”已创建并发布。",
        "%(model_name)s '%(object)s' has been submitted for moderation.": (
            "%(model_name)s“%(object)s”已提交审核。"
        ),
        "%(model_name)s '%(object)s' created and submitted for moderation.": (
            "%(model_name)s“%(object)s”已创建并提交审核。"
        ),
        "Workflow on %(model_name)s '%(object)s' has been restarted.": (
            "%(model_name)s“%(object)s”的审核已重新开始。"
        ),
        "Workflow on %(model_name)s '%(object)s' has been cancelled.": (
            "%(model_name)s“%(object)s”的审核已取消。"
        ),
        "Saving will overwrite a newer version.": "保存将覆盖较新的版本。",
        "The %(model_name)s could not be saved as it is locked": "此%(model_name)s已锁定，不能保存",
        "You are viewing a previous version of this %(model_name)s from <b>%(created_at)s</b> by %(user)s": (
            "您正在查看此%(model_name)s的旧版本：%(user)s 于 <b>%(created_at)s</b> 保存"
        ),
        "%(model_name)s '%(object)s' has been replaced with version from %(timestamp)s.": (
            "%(model_name)s“%(object)s”已恢复为 %(timestamp)s 的版本。"
        ),
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been published.": (
            "%(model_name)s“%(object)s” %(timestamp)s 的版本已发布。"
        ),
        "Version from %(timestamp)s of %(model_name)s '%(object)s' has been scheduled for publishing.": (
            "%(model_name)s“%(object)s” %(timestamp)s 的版本已设定定时发布。"
        ),
        "Sort item order": "调整顺序",
        "New: %(model_name)s": "新建%(model_name)s",
        "There are validation errors, click save to highlight them.": "有校验错误，点击保存可标出。",
        "Compare": "比较",
        "Preview for %(block_label)s (%(block_type)s)": "%(block_label)s（%(block_type)s）的预览",
        "If you confirm deletion": "如果确认删除",
        "(Private %(object)s)": "（不公开的%(object)s）",
        "The %(model_name)s '%(title)s' is not currently awaiting moderation.": (
            "%(model_name)s“%(title)s”目前不在审核中。"
        ),
        "The %(model_name)s '%(title)s' is not currently awaiting moderation in task '%(task_name)s'.": (
            "%(model_name)s“%(title)s”目前不在“%(task_name)s”步骤等待审核。"
        ),
        "Search all pages…": "搜索全部页面…",
        "Privacy is inherited from the ancestor page - %(ancestor_page)s": (
            "访问权限继承自上级页面：%(ancestor_page)s"
        ),
        "%(parent_pages)s and %(child_pages)s have been deleted": (
            "%(parent_pages)s及%(child_pages)s已删除"
        ),
        Msg(
            "%(num_parent_objects)d page has been deleted",
            "%(num_parent_objects)d pages have been deleted",
        ): "%(num_parent_objects)d 个页面已删除",
        Msg("%(num_parent_objects)d page", "%(num_parent_objects)d pages"): (
            "%(num_parent_objects)d 个页面"
        ),
        Msg("%(num_child_objects)d child page", "%(num_child_objects)d child pages"): (
            "%(num_child_objects)d 个子页面"
        ),
        "%(parent_pages)s and %(child_pages)s have been published": (
            "%(parent_pages)s及%(child_pages)s已发布"
        ),
        Msg(
            "%(num_parent_objects)d page has been published",
            "%(num_parent_objects)d pages have been published",
        ): "%(num_parent_objects)d 个页面已发布",
        "%(parent_pages)s and %(child_pages)s have been unpublished": (
            "%(parent_pages)s及%(child_pages)s已取消发布"
        ),
        Msg(
            "%(num_parent_objects)d page has been unpublished",
            "%(num_parent_objects)d pages have been unpublished",
        ): "%(num_parent_objects)d 个页面已取消发布",
        "Choose parent": "选择上级页面",
        "Create a new %(model_name)s": "新建%(model_name)s",
        "Request to create %(model_name)s was blocked by hook.": "创建%(model_name)s的请求被拒绝。",
        "The page could not be created due to validation errors.": "页面有校验错误，未能创建。",
        "Request to edit %(model_name)s was blocked by hook.": "编辑%(model_name)s的请求被拒绝。",
        "The page could not be saved as it is locked.": "页面已锁定，未能保存。",
        "The page could not be saved due to validation errors.": "页面有校验错误，未能保存。",
        "Is commenting action": "批注操作",
        "Date updated": "更新时间",
        "Edited by": "编辑人",
        "Has child pages": "有子页面",
        "Any": "不限",
        "Page type": "页面类型",
        "Exploring": "浏览",
        "The slug '%(page_slug)s' is already in use at the selected parent page. Make sure the slug is unique and try again.": (
            "缩略名“%(page_slug)s”已被所选上级页面下的其他页面使用，请换一个再试。"
        ),
        "Placeholder title": "占位标题",
        "Page types usage": "页面类型使用情况",
        "Locked by": "锁定人",
        "Anyone": "任何人",
        "Page/Snippet ID": "页面或片段编号",
        "By task": "按任务",
        "By workflow": "按工作流",
        "Show disabled": "显示已停用的",
        Msg(
            "This workflow is in progress on %(states_in_progress)d page/snippet. Disabling this workflow will cancel moderation on this page/snippet.",
            "This workflow is in progress on %(states_in_progress)d pages/snippets. Disabling this workflow will cancel moderation on these pages/snippets.",
        ): "此工作流正在 %(states_in_progress)d 个页面或片段上进行。停用此工作流将取消它们的审核。",
        Msg(
            "This task is in progress on %(states_in_progress)d page/snippet. Disabling this task will cause it to be skipped in the moderation workflow and not be listed for selection when editing a workflow.",
            "This task is in progress on %(states_in_progress)d pages/snippets. Disabling this task will cause it to be skipped in the moderation workflow and not be listed for selection when editing a workflow.",
        ): "此任务正在 %(states_in_progress)d 个页面或片段上进行。停用后，审核工作流将跳过此任务，编辑工作流时也不再列出。",
        "What's new in Wagtail %(version)s": "%(version)s 版新功能",
        "Shortcuts": "快捷键",
        # ---------------------------------------------------------------- wagtail (core)
        "Wagtail API v2": "接口（第 2 版）",
        "Wagtail API v3": "接口（第 3 版）",
        "Wagtail core": "内容核心",
        "- Select an option -": "- 请选择 -",
        "Wagtail frontend cache": "前端缓存",
        "Wagtail routablepage": "可路由页面",
        "Wagtail sitemaps": "站点地图",
        "Unknown content type": "未知的内容类型",
        "Date cannot be in the future.": "日期不能晚于今天。",
        "No one can make changes while the %(model_name)s is locked": (
            "此%(model_name)s锁定期间，任何人都不能修改"
        ),
        "<b>'{title}' was locked</b> by <b>you</b> on <b>{datetime}</b>.": (
            "<b>“{title}”</b>已由<b>您</b>于 <b>{datetime}</b> <b>锁定</b>。"
        ),
        "<b>'{title}' is locked</b> by <b>you</b>.": "<b>“{title}”</b>已被<b>您</b><b>锁定</b>。",
        "<b>'{title}' was locked</b> by <b>{user}</b> on <b>{datetime}</b>.": (
            "<b>“{title}”</b>已由 <b>{user}</b> 于 <b>{datetime}</b> <b>锁定</b>。"
        ),
        "<b>'{title}' is locked</b>.": "<b>“{title}”已锁定</b>。",
        "Locked by you": "已被您锁定",
        "Locked by another user": "已被他人锁定",
        "Only you can make changes while the %(model_name)s is locked": (
            "此%(model_name)s锁定期间，只有您可以修改"
        ),
        "Only %(user)s can make changes while the %(model_name)s is locked": (
            "此%(model_name)s锁定期间，只有 %(user)s 可以修改"
        ),
        "This %(model_name)s is currently awaiting moderation.": "此%(model_name)s正在等待审核。",
        "This {model_name} is awaiting <b>'{task_name}'</b> in the <b>'{workflow_name}'</b> workflow.": (
            "此{model_name}正在等待<b>“{workflow_name}”</b>工作流的<b>“{task_name}”</b>步骤。"
        ),
        "Only reviewers for this task can edit the %(model_name)s.": (
            "只有此步骤的审核人可以编辑此%(model_name)s。"
        ),
        "Locked by workflow": "审核中锁定",
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers from editing": (
            "审核人可以编辑此%(model_name)s；锁定后其他审核人不能编辑"
        ),
        "Only reviewers can edit and approve the %(model_name)s": (
            "只有审核人可以编辑和审核通过此%(model_name)s"
        ),
        "{model_name} '{title}' is locked and has been scheduled to go live at {datetime}": (
            "{model_name}“{title}”已锁定，将于 {datetime} 上线"
        ),
        "Locked by schedule": "定时发布锁定",
        "Currently locked and will go live on the scheduled date": "目前已锁定，将在设定的时间上线",
        "A human-readable label to identify this token.": "便于识别此令牌的名称。",
        "created": "创建时间",
        "revoked at": "撤销时间",
        "last used at": "最后使用时间",
        "API token": "API 令牌",
        "API tokens": "API 令牌",
        "timestamp (UTC)": "时间（协调世界时）",
        "locale": "语言区域",
        "for content type": "内容类型",
        "The name of the page as it will appear in URLs e.g http://domain.com/blog/[my-slug]/": (
            "页面在网址中的名称，例如 http://domain.com/xxgk/[缩略名]/"
        ),
        "URL path": "网址路径",
        "The slug '%(page_slug)s' is already in use within the parent page at '%(parent_url_path)s'.": (
            "缩略名“%(page_slug)s”已被上级页面“%(parent_url_path)s”下的其他页面使用。"
        ),
        "Cannot overwrite a revision that is not the latest for this %(model_name)s.": (
            "不能覆盖此%(model_name)s不是最新的版本。"
        ),
        "Cannot overwrite a revision that was not created by the current user.": (
            "不能覆盖别人保存的版本。"
        ),
        "object id": "对象编号",
        "the %(model_name)s will also be deleted": "该%(model_name)s也将被删除",
        "prevents deletion": "不能删除",
        "will be set to the default %(model_name)s": "将设为默认的%(model_name)s",
        "will do nothing": "无影响",
        "may prevent deletion": "可能无法删除",
        "will be set to a %(model_name)s specified by the system": "将设为系统指定的%(model_name)s",
        "will unset the reference": "将解除引用",
        "content JSON": "内容（JSON）",
        "Set this to something other than 80 if you need a specific port number to appear in URLs (e.g. development on port 8000). Does not affect request handling (so port forwarding still works).": (
            "如果网址中需要出现特定端口号（例如开发时的 8000 端口），请设为 80 以外的值。不影响请求处理（端口转发照常有效）。"
        ),
        "group site permission": "用户组站点权限",
        "group site permissions": "用户组站点权限",
        "Private, accessible with a shared password": "不公开，凭共享密码访问",
        "Private, accessible to any logged-in users": "不公开，登录用户均可访问",
        "shared password": "共享密码",
        "Shared passwords should not be used to protect sensitive content. Anyone who has this password will be able to view the content.": (
            "不要用共享密码保护敏感内容。任何知道密码的人都能看到内容。"
        ),
        "There may only be one in progress or needs changes workflow state per page/snippet.": (
            "每个页面或片段只能有一个进行中或待修改的工作流。"
        ),
        "Workflow '%(workflow_name)s' on %(model_name)s '%(title)s': %(status)s": (
            "%(model_name)s“%(title)s”的工作流“%(workflow_name)s”：%(status)s"
        ),
        "Active workflows can be added to pages/snippets. Deactivating a workflow does not remove it from existing pages/snippets.": (
            "启用的工作流可以用于页面或片段。停用工作流不会把它从已使用的页面或片段上移除。"
        ),
        "Pages/snippets at this step in a workflow will be moderated or approved by these groups of users": (
            "处于此步骤的页面或片段由这些用户组审核"
        ),
        "Members of the chosen Wagtail Groups can approve this task": "所选用户组的成员可以审核通过此步骤",
        "Task '%(task_name)s' on Revision '%(revision_info)s': %(status)s": (
            "版本“%(revision_info)s”的步骤“%(task_name)s”：%(status)s"
        ),
        "Create API token": "创建 API 令牌",
        "API token created": "API 令牌已创建",
        "Revoke API token": "撤销 API 令牌",
        "API token revoked": "API 令牌已撤销",
        "Reverted to previous revision with id %(revision_id)s from %(created_at)s": (
            "已恢复为 %(created_at)s 的旧版本（编号 %(revision_id)s）"
        ),
        "%(model_name)s scheduled for publishing at %(go_live_at)s": (
            "%(model_name)s已设定于 %(go_live_at)s 发布"
        ),
        "%(model_name)s scheduled for publishing": "%(model_name)s已设定定时发布",
        "%(model_name)s unscheduled for publishing at %(go_live_at)s": (
            "%(model_name)s已取消于 %(go_live_at)s 的定时发布"
        ),
        "%(model_name)s unscheduled from publishing": "%(model_name)s已取消定时发布",
        "Removed the '%(restriction)s' view restriction. The page is public.": (
            "已取消“%(restriction)s”访问限制，页面公开。"
        ),
        "Resubmitted '%(task)s'. Workflow resumed": "已重新提交到“%(task)s”，审核继续",
        # ---------------------------------------------------------------- wagtail apps
        "Wagtail locales (Wagtail Localize version)": "语言区域",
        "Wagtail forms": "表单",
        "The name '%(duplicate_clean_name)s' is already assigned to this field and cannot be changed. Please enter a different label for the conflicting field.": (
            "名称“%(duplicate_clean_name)s”已被此字段使用，不能更改。请给冲突的字段另起一个标签。"
        ),
        "Field name '%(duplicate_clean_name)s' conflicts with another field. Please change the label.": (
            "字段名“%(duplicate_clean_name)s”与另一字段冲突，请修改标签。"
        ),
        "Safe name of the form field, the label converted to ascii_snake_case": (
            "表单字段的内部名称，由标签转换而来"
        ),
        "Comma or new line separated list of choices. Only applicable in checkboxes, radio and dropdown.": (
            "选项列表，用逗号或换行分隔。只用于复选框、单选按钮和下拉列表。"
        ),
        "Default value. Comma or new line separated values supported for checkboxes.": (
            "默认值。复选框可用逗号或换行分隔多个值。"
        ),
        "Optional - form submissions will be emailed to these addresses. Separate multiple addresses by comma.": (
            "可选：表单提交后发邮件到这些地址，多个地址用逗号分隔。"
        ),
        Msg(
            "Are you sure you want to delete this form submission?",
            "Are you sure you want to delete these form submissions?",
        ): "确定要删除这些表单提交记录吗？",
        "Wagtail redirects": "重定向",
        "redirect to any URL": "重定向到任意网址",
        "<p>Select a file where redirects are separated into rows and contains the columns representing <code>from</code> and <code>to</code> (they can be named anything).</p> <p>After submitting you will be taken to a confirmation view where you can customize your redirects before import.</p>": (
            "<p>请选择一个每行一条重定向的文件，文件中有表示<code>原地址</code>和<code>新地址</code>的两列（列名不限）。</p> <p>提交后将进入确认页面，可在导入前调整重定向。</p>"
        ),
        'File format of type "%(extension)s" is not supported.': "不支持“%(extension)s”格式的文件。",
        "Imported file has a wrong encoding: %(error_message)s.": "导入文件的编码有误：%(error_message)s。",
        "%(error)s encountered while trying to read file: %(filename)s.": (
            "读取文件 %(filename)s 时出错：%(error)s。"
        ),
        "Wagtail search promotions": "搜索推荐",
        "You must enter an external link text if you enter an external link URL.": (
            "填写了外部链接网址，就必须填写外部链接文字。"
        ),
        "You must recommend a page OR an external link.": "必须推荐一个页面或一个外部链接。",
        "Please only select a page OR enter an external link.": "页面和外部链接只能选一个。",
        "query": "搜索词",
        "queries": "搜索词",
        "Choose an internal page for this promotion": "选择要推荐的站内页面",
        "External link URL": "外部链接网址",
        "Alternatively, use an external link for this promotion": "也可以推荐一个外部链接",
        "Applies to internal page or external link": "用于站内页面或外部链接",
        '<p>Promoted search results are a means of recommending specific pages or external links that might not organically come high up in search results. E.g recommending your primary donation page to a user searching with the less common term "<em>giving</em>".</p>': (
            "<p>搜索推荐用于把某些页面或外部链接推荐到搜索结果的前列，它们本来可能排不到前面。例如搜索“<em>低保</em>”时推荐最低生活保障的办事指南。</p>"
        ),
        '<p>The "Search term(s)/phrase" field below must contain the full and exact search for which you wish to provide recommended results, <em>including</em> any misspellings/user error. To help, you can choose from search terms that have been popular with users of your site.</p>': (
            "<p>下面的“搜索词”必须与要推荐结果的搜索完全一致，<em>包括</em>错别字。可以从网站用户常用的搜索词中选择。</p>"
        ),
        "Recommended search result": "推荐的搜索结果",
        "Add a recommended result": "添加推荐结果",
        "No promoted results have been created.": "还没有推荐结果。",
        "Views": "浏览次数",
        "Search terms": "搜索词",
        "Search term(s)": "搜索词",
        "Recommendations have not been created due to errors.": "推荐有错误，未能创建。",
        "Recommendations have not been saved due to errors.": "推荐有错误，未能保存。",
        "Wagtail embeds": "嵌入内容",
        "Cannot find an embed for this URL.": "找不到此网址的嵌入内容。",
        "Please enter a valid URL": "请输入有效的网址",
        "There seems to be a problem with your embedly API key. Please check your settings.": (
            "嵌入服务的 API 密钥似乎有问题，请检查设置。"
        ),
        "There seems to be an error with Embedly while trying to embed this URL. Please try again later.": (
            "嵌入此网址时嵌入服务出错，请稍后再试。"
        ),
        "Wagtail sites": "站点",
        "Wagtail users": "用户",
        "Required. Letters, digits and @/./+/-/_ only.": "必填。只能使用字母、数字和 @ . + - _。",
        "admin theme": "后台主题",
        "More contrast": "高对比度",
        "contrast": "对比度",
        "Snug": "紧凑",
        "density": "密度",
        "Enable custom keyboard shortcuts specific to Wagtail.": "开启管理后台的键盘快捷键。",
        "Yes, revoke": "是，撤销",
        "No, don't revoke": "不，不撤销",
        'The token "%(name)s" has been created, copy it now, it will never be shown again.': (
            "令牌“%(name)s”已创建，请立即复制，以后不会再显示。"
        ),
        "Copy token": "复制令牌",
        "Back to API tokens": "返回 API 令牌",
        "Copying failed — please select and copy the token manually.": "复制失败，请手动选中并复制令牌。",
        "Revoked": "已撤销",
        Msg(
            "The group '%(group_name)s' has <strong>%(group_user_count)s</strong> member.",
            "The group '%(group_name)s' has <strong>%(group_user_count)s</strong> members.",
        ): "用户组“%(group_name)s”有 <strong>%(group_user_count)s</strong> 名成员。",
        "Toggle all change permissions": "全选或取消全部修改权限",
        "Toggle all delete permissions": "全选或取消全部删除权限",
        "Toggle all custom permissions": "全选或取消全部其他权限",
        "Can view": "可查看",
        "Last used": "最后使用",
        "Revoke": "撤销",
        "Never": "从未",
        "Are you sure you want to revoke this API token?": "确定要撤销此 API 令牌吗？",
        "API token '%(name)s' revoked.": "API 令牌“%(name)s”已撤销。",
        "Wagtail snippets": "片段",
        'You haven\'t created any %(snippet_type_name)s snippets. Why not <a href="%(wagtailsnippets_create_snippet_url)s" target="_blank" rel="noreferrer">create one now</a>?': (
            '还没有%(snippet_type_name)s。<a href="%(wagtailsnippets_create_snippet_url)s" target="_blank" rel="noreferrer">现在创建一个</a>？'
        ),
        "Wagtail documents": "文档",
        "Maximum filesize: %(max_upload_size)s.": "文件大小上限：%(max_upload_size)s。",
        'Why not <a class="upload-one-now" href="#tab-upload" data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" data-w-tabs-focus-param="true">upload one now</a>?': (
            '<a class="upload-one-now" href="#tab-upload" data-action="w-tabs#select:prevent" data-w-tabs-target="trigger" data-w-tabs-focus-param="true">现在上传一个</a>？'
        ),
        Msg(
            '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        ): '%(total)s 个文档<span class="w-sr-only">（%(site_name)s）</span>',
        "The document could not be created due to errors.": "文档有错误，未能创建。",
        "The file could not be found. Please change the source or delete the document.": (
            "找不到文件。请更换文件或删除此文档。"
        ),
        "Wagtail images": "图片",
        "unknown number": "数量不详",
        "Layout": "布局",
        "You haven't uploaded any images.": "还没有上传图片。",
        Msg(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        ): '%(total)s 张图片<span class="w-sr-only">（%(site_name)s）</span>',
        "Image focal point": "图片焦点",
        "Title: (A -> Z)": "标题（升序）",
        "Title: (Z -> A)": "标题（降序）",
        "URL Generator": "网址生成器",
        "Grid layout": "网格布局",
        "List layout": "列表布局",
        "Image URL": "图片网址",
        "Copy URL": "复制网址",
        "Please provide an image description to comply with best practices for accessibility.": (
            "请填写图片说明，方便视障用户。"
        ),
        "Upload successful. However, your new image seems to be a duplicate of this existing image. You may delete it if it wasn't required.": (
            "上传成功，但新图片似乎与已有的这张图片重复。如不需要可以删除。"
        ),
        "Oldest": "最早",
        "Usage count: (low to high)": "引用次数（从少到多）",
        "Usage count: (high to low)": "引用次数（从多到少）",
        "Generate URL": "生成网址",
        "The filter options you have selected are not valid.": "所选的筛选条件无效。",
        "Wagtail search": "搜索",
        "Wagtail table block": "表格",
        "Table headers": "表头",
        "Display the first row as a header": "第一行作为表头",
        "Display the first column as a header": "第一列作为表头",
        "Display the first row AND first column as headers": "第一行和第一列都作为表头",
        "No headers": "无表头",
        "Which cells should be displayed as headers?": "哪些单元格作为表头？",
        "A heading that identifies the overall topic of the table, and is useful for screen reader users.": (
            "概括表格主题的标题，也方便使用读屏软件的用户。"
        ),
        "Select a header option": "选择表头方式",
        # ---------------------------------------------------------------- wagtail-localize
        "<{}> tag is not allowed. Strings can only contain standard HTML inline tags (such as <b>, <a>)": (
            "不允许使用 <{}> 标签。文字中只能使用标准的行内 HTML 标签（如 <b>、<a>）"
        ),
        "Strings cannot have any HTML tags with attributes (except for 'id' in <a> tags)": (
            "文字中的 HTML 标签不能带属性（<a> 标签的编号属性除外）"
        ),
        "Unrecognised id found in an <a> tag: {}": "<a> 标签中有无法识别的编号：{}",
        "Are you sure you want to convert this page into an alias? This will overwrite the content of the page with the content of '%(source_page_title)s' (%(source_page_locale)s)": (
            "确定要把此页面转换为别名吗？页面内容将被“%(source_page_title)s”（%(source_page_locale)s）的内容覆盖"
        ),
        "Page '{}' has been converted into an alias.": "页面“{}”已转换为别名。",
        "Please upload a valid PO file.": "请上传有效的 PO 文件。",
        "Cannot import PO file that was created for a different translation.": (
            "不能导入为其他译本生成的 PO 文件。"
        ),
        "Successfully imported translations from PO File.": "已从 PO 文件导入译文。",
        'Apply the updates and publish immediately. The changes will use the original language until translated unless you also select "Use machine translation".': (
            "应用更新并立即发布。未选择“使用机器翻译”时，新内容在翻译之前使用原文。"
        ),
        "Use machine translation": "使用机器翻译",
        "Apply machine translations to the incoming changes.": "对新内容使用机器翻译。",
        "Apply the updates and publish immediately. The changes will use the original language until translated.": (
            "应用更新并立即发布。新内容在翻译之前使用原文。"
        ),
        "Converted page '%(title)s' to an alias of the translation source page '%(source_title)s'": (
            "页面“%(title)s”已转换为原文页面“%(source_title)s”的别名"
        ),
        "Converted page to an alias of the translation source page": "页面已转换为原文页面的别名",
        # ---------------------------------------------------------------- taggit, Django
        "object ID": "对象编号",
        "Invalid json list. A tag list submitted in string form must be valid json.": (
            "标签列表格式无效。"
        ),
        "LogEntry Object": "日志记录",
        "Hold down “Control”, or “Command” on a Mac, to select more than one.": (
            "按住控制键（苹果电脑上按住命令键）可多选。"
        ),
        "%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?": (
            "编号为“%(key)s”的%(name)s不存在，可能已被删除。"
        ),
        "Django site admin": "站点管理",
        "Django administration": "站点管理",
        "Model name": "模型名称",
        "Add link": "添加链接",
        "Change or view list link": "修改或查看列表链接",
        "After you’ve created a user, you’ll be able to edit more user options.": (
            "创建用户后，可以编辑更多用户选项。"
        ),
        "Error:": "错误：",
        "Forgotten your login credentials?": "忘记了登录信息？",
        "In case you’ve forgotten, you are:": "提醒一下，您是：",
        "%(name)s object with primary key %(key)r does not exist.": "编号为 %(key)r 的%(name)s不存在。",
        "Whether the user will be able to authenticate using a password or not. If disabled, they may still be able to authenticate using other backends, such as Single Sign-On or LDAP.": (
            "用户能否用密码登录。关闭后，仍可能通过其他方式（如单点登录）登录。"
        ),
        Msg(
            "This password is too short. It must contain at least %d character.",
            "This password is too short. It must contain at least %d characters.",
        ): "密码太短，至少要有 %d 个字符。",
        "python model class name": "模型类名",
        "%(ct_name)s objects don’t have a get_absolute_url() method": "%(ct_name)s没有对应的网址",
    }
)

DJANGOJS = _messages(
    {
        # ---------------------------------------------------------------- wagtail.admin
        "(%(number)s new items in this menu)": "（此菜单有 %(number)s 个新项目）",
        "(1 new item in this menu)": "（此菜单有 1 个新项目）",
        "(New)": "（新）",
        Msg("%(num)s error", "%(num)s errors"): "%(num)s 处错误",
        Msg("%(num)s min", "%(num)s mins"): "%(num)s 分钟",
        Msg("%(num)s pixel", "%(num)s pixels"): "%(num)s 像素",
        "A network error occurred.": "网络出错。",
        "A server error occurred.": "服务器出错。",
        "Autosave in progress…": "正在自动保存…",
        "Blocks": "内容块",
        "Changes have been autosaved.": "修改已自动保存。",
        "Complex": "较难",
        "Error while sending preview data.": "发送预览数据时出错。",
        "Fair": "一般",
        "Good": "好",
        "Insert a block": "插入内容块",
        "Split block": "拆分内容块",
        "Write something or type ‘/’ to insert a block": "输入文字，或输入“/”插入内容块",
        # ---------------------------------------------------------------- wagtail-localize
        "Applying editor lock": "正在锁定编辑",
        "Download PO file": "下载 PO 文件",
        "Download PO file and input translations offline": "下载 PO 文件离线翻译",
        "Removing editor lock": "正在解除编辑锁定",
        "Stopping Synced translation": "正在停止同步翻译",
        "Upload PO file": "上传 PO 文件",
        "Upload translated PO file to submit translations": "上传翻译好的 PO 文件提交译文",
        # ---------------------------------------------------------------- django.contrib.admin
        'Choose %s by selecting them and then select the "Choose" arrow button.': (
            "选中%s后点击“选择”箭头按钮。"
        ),
        "Choose all %s": "选择全部%s",
        "Choose selected %s": "选择所选%s",
        "Remove selected %s": "移除所选%s",
        'Remove %s by selecting them and then select the "Remove" arrow button.': (
            "选中%s后点击“移除”箭头按钮。"
        ),
        "(click to clear)": "（点击清除）",
        "Remove all %s": "移除全部%s",
        Msg("S", context="one letter Sunday"): "日",
        Msg("M", context="one letter Monday"): "一",
        Msg("T", context="one letter Tuesday"): "二",
        Msg("W", context="one letter Wednesday"): "三",
        Msg("T", context="one letter Thursday"): "四",
        Msg("F", context="one letter Friday"): "五",
        Msg("S", context="one letter Saturday"): "六",
        "You have selected an action, but you haven’t saved your changes to individual fields yet. Please click OK to save. You’ll need to re-run the action.": (
            "您选择了一个操作，但还没有保存对字段的修改。请点击“确定”保存，然后重新执行操作。"
        ),
        "You have selected an action, and you haven’t made any changes on individual fields. You’re probably looking for the Go button rather than the Save button.": (
            "您选择了一个操作，且没有修改任何字段。您要找的可能是“执行”按钮，而不是“保存”按钮。"
        ),
    }
)
