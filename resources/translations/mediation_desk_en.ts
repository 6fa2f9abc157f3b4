<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>两次输入的密码不一样</source>
        <translation>The two passwords are not the same</translation>
    </message>
    <message>
        <source>第一位主任</source>
        <translation>The first director</translation>
    </message>
    <message>
        <source>主任的账号用来登录工作台、添加其他操作员。密码至少 8 位，请记牢。</source>
        <translation>The director&apos;s account logs in to the desk and adds the other operators. The password has at least 8 characters; keep it in mind.</translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>再输一次密码(&amp;A)：</source>
        <translation>Password &amp;again:</translation>
    </message>
</context>
<context>
    <name>CaseState</name>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>已派单</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>调解中</source>
        <translation>In mediation</translation>
    </message>
    <message>
        <source>已达成协议</source>
        <translation>Agreement reached</translation>
    </message>
    <message>
        <source>履行中</source>
        <translation>Being performed</translation>
    </message>
    <message>
        <source>回访中</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>已结案</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>终止调解</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>不予调解</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>已上报</source>
        <translation>Escalated</translation>
    </message>
</context>
<context>
    <name>CommitteePage</name>
    <message>
        <source>请检查输入</source>
        <translation>Please check the input</translation>
    </message>
    <message>
        <source>调解委员会</source>
        <translation>Mediation committee</translation>
    </message>
    <message>
        <source>填写本村（社区）人民调解委员会的信息。同一委员会有几台电脑时，每台的席位号各不相同。</source>
        <translation>The people&apos;s mediation committee of this village (community). When one committee has several PCs, each has its own seat number.</translation>
    </message>
    <message>
        <source>委员会名称(&amp;N)：</source>
        <translation>Committee &amp;name:</translation>
    </message>
    <message>
        <source>委员会代码(&amp;C)：</source>
        <translation>Committee &amp;code:</translation>
    </message>
    <message>
        <source>所属镇（街道）(&amp;T)：</source>
        <translation>&amp;Town (subdistrict):</translation>
    </message>
    <message>
        <source>村（社区）(&amp;V)：</source>
        <translation>&amp;Village (community):</translation>
    </message>
    <message>
        <source>本机席位号(&amp;S)：</source>
        <translation>&amp;Seat number of this PC:</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>{name}（{place}）</source>
        <translation>{name} ({place})</translation>
    </message>
    <message>
        <source>案件共 {total} 件，在办 {open} 件</source>
        <translation>{total} cases, {open} open</translation>
    </message>
    <message>
        <source>案件状态</source>
        <translation>Cases by state</translation>
    </message>
</context>
<context>
    <name>DeskApplication</name>
    <message>
        <source>人民调解室工作台</source>
        <translation>People&apos;s Mediation Desk</translation>
    </message>
    <message>
        <source>无法打开工作台</source>
        <translation>The desk cannot be opened</translation>
    </message>
</context>
<context>
    <name>ExceptionReporter</name>
    <message>
        <source>未能完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>出现了一个意外的问题，刚才的操作没有完成。
之前保存的资料都在，不受影响，可以继续工作。
如果问题反复出现，请把日志文件交给技术人员：
{log}</source>
        <translation>Something unexpected went wrong and the last action was not completed.
Everything saved before is safe; you can carry on working.
If this keeps happening, give the log file to your technician:
{log}</translation>
    </message>
    <message>
        <source>出现问题</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>首次设置 — 人民调解室工作台</source>
        <translation>First-time setup — People&apos;s Mediation Desk</translation>
    </message>
    <message>
        <source>未能完成设置</source>
        <translation>Setup not completed</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>请输入用户名和密码</source>
        <translation>Please enter the username and the password</translation>
    </message>
    <message>
        <source>正在核对密码……</source>
        <translation>Checking the password…</translation>
    </message>
    <message>
        <source>数据尚未加密</source>
        <translation>Data not yet encrypted</translation>
    </message>
    <message>
        <source>本机资料来自旧版本，个人信息尚未加密。请主任登录后加密保护。</source>
        <translation>This desk&apos;s data come from an older version and personal data are not encrypted yet. A director should log in to protect them.</translation>
    </message>
    <message>
        <source>加密保护个人信息</source>
        <translation>Protect personal data</translation>
    </message>
    <message>
        <source>本机资料来自旧版本，当事人的身份证号、电话和地址还没有加密。
现在加密吗？完成后会显示一把恢复密钥，请打印或抄下保管。</source>
        <translation>This desk&apos;s data come from an older version: the parties&apos; ID numbers, phones and addresses are not encrypted yet.
Encrypt them now? A recovery key is shown at the end: print it or write it down and keep it safe.</translation>
    </message>
    <message>
        <source>正在加密，请稍候……</source>
        <translation>Encrypting, please wait…</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>请输入用户名和密码登录工作台</source>
        <translation>Enter your username and password to log in to the desk</translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>密码(&amp;P)：</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>数据位置：{path}</source>
        <translation>Data: {path}</translation>
    </message>
    <message>
        <source>工作台</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>操作员：{name}（{role}）</source>
        <translation>Operator: {name} ({role})</translation>
    </message>
    <message>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>个人信息未加密</source>
        <translation>Personal data not encrypted</translation>
    </message>
    <message>
        <source>已解锁</source>
        <translation>Unlocked</translation>
    </message>
    <message>
        <source>人民调解室工作台</source>
        <translation>People&apos;s Mediation Desk</translation>
    </message>
    <message>
        <source>导航</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>工作台已锁定。个人信息已隐藏，请重新登录。</source>
        <translation>The desk is locked. Personal data are hidden; please log in again.</translation>
    </message>
    <message>
        <source>登录解锁(&amp;U)</source>
        <translation>Log in to &amp;unlock</translation>
    </message>
    <message>
        <source>工作台(&amp;W)</source>
        <translation>&amp;Desk</translation>
    </message>
    <message>
        <source>锁定(&amp;L)</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>请打印或抄下这把恢复密钥，锁好保管</source>
        <translation>Print or write down this recovery key and lock it away</translation>
    </message>
    <message>
        <source>如果所有操作员都忘了密码，只有这把恢复密钥能找回加密的资料。它只显示这一次，以后无法再查看。不要存放在这台电脑上。</source>
        <translation>If every operator forgets their password, only this recovery key gets the encrypted data back. It is shown this once and can never be seen again. Do not keep it on this PC.</translation>
    </message>
    <message>
        <source>我已打印或抄下恢复密钥，并会妥善保管(&amp;K)</source>
        <translation>I have printed or written down the recovery key and will &amp;keep it safe</translation>
    </message>
    <message>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Role</name>
    <message>
        <source>主任</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>记录员</source>
        <translation>Clerk</translation>
    </message>
</context>
</TS>
