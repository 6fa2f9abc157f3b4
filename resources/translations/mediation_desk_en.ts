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
    <name>CaseListModel</name>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
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
    <name>CasesPage</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>共 {count}+ 件</source>
        <translation>{count}+ cases</translation>
    </message>
    <message>
        <source>共 {count} 件</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <source>查找(&amp;S)：</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <source>案号、姓名、电话、身份证号或事情经过中的字词</source>
        <translation>Case no., name, phone, ID number or words from the facts</translation>
    </message>
    <message>
        <source>状态(&amp;Z)：</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <source>纠纷类型(&amp;T)：</source>
        <translation>Dispute &amp;type:</translation>
    </message>
    <message>
        <source>调解员(&amp;M)：</source>
        <translation>&amp;Mediator:</translation>
    </message>
    <message>
        <source>受理日期从</source>
        <translation>Accepted from</translation>
    </message>
    <message>
        <source>不勾选为不限</source>
        <translation>Unticked: no limit</translation>
    </message>
    <message>
        <source>到</source>
        <translation>to</translation>
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
        <source>在办超过 {days} 天 {overdue} 件；到期回访 {due} 件；{window} 日内司法确认期限届满 {judicial} 件</source>
        <translation>Open longer than {days} days: {overdue}; follow-ups due: {due}; judicial confirmation deadlines within {window} days: {judicial}</translation>
    </message>
    <message>
        <source>超期在办案件（{count}）</source>
        <translation>Overdue open cases ({count})</translation>
    </message>
    <message>
        <source>到期回访（{count}）</source>
        <translation>Follow-ups due ({count})</translation>
    </message>
    <message>
        <source>司法确认期限临近（{count}）</source>
        <translation>Judicial confirmation deadlines ({count})</translation>
    </message>
    <message>
        <source>最近动态</source>
        <translation>Recent activity</translation>
    </message>
    <message>
        <source>{number}&#x3000;{accepted} 受理，已 {days} 天</source>
        <translation>{number}  accepted {accepted}, {days} days open</translation>
    </message>
    <message>
        <source>没有超期案件</source>
        <translation>No overdue cases</translation>
    </message>
    <message>
        <source>{number}&#x3000;应于 {due} 回访</source>
        <translation>{number}  follow-up due {due}</translation>
    </message>
    <message>
        <source>没有到期回访</source>
        <translation>No follow-ups due</translation>
    </message>
    <message>
        <source>{number}&#x3000;{deadline} 前申请司法确认</source>
        <translation>{number}  apply for judicial confirmation by {deadline}</translation>
    </message>
    <message>
        <source>近期没有到期的司法确认</source>
        <translation>No judicial confirmation deadline soon</translation>
    </message>
    <message>
        <source>暂无动态</source>
        <translation>No recent activity</translation>
    </message>
    <message>
        <source>{at}&#x3000;{number}&#x3000;受理（{to}）</source>
        <translation>{at}  {number}  accepted ({to})</translation>
    </message>
    <message>
        <source>{at}&#x3000;{number}&#x3000;{old} → {new}</source>
        <translation>{at}  {number}  {old} → {new}</translation>
    </message>
    <message>
        <source>案件状态</source>
        <translation>Cases by state</translation>
    </message>
    <message>
        <source>超期在办案件</source>
        <translation>Overdue open cases</translation>
    </message>
    <message>
        <source>到期回访</source>
        <translation>Follow-ups due</translation>
    </message>
    <message>
        <source>司法确认期限临近</source>
        <translation>Judicial confirmation deadlines</translation>
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
    <name>DisputeType</name>
    <message>
        <source>婚姻家庭</source>
        <translation>Marriage and family</translation>
    </message>
    <message>
        <source>邻里</source>
        <translation>Neighbours</translation>
    </message>
    <message>
        <source>房屋宅基地</source>
        <translation>Houses and homesteads</translation>
    </message>
    <message>
        <source>合同</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>生产经营</source>
        <translation>Production and business</translation>
    </message>
    <message>
        <source>损害赔偿</source>
        <translation>Damages</translation>
    </message>
    <message>
        <source>山林土地</source>
        <translation>Forest and land</translation>
    </message>
    <message>
        <source>征地拆迁</source>
        <translation>Land requisition and demolition</translation>
    </message>
    <message>
        <source>环境污染</source>
        <translation>Pollution</translation>
    </message>
    <message>
        <source>劳动争议</source>
        <translation>Labour</translation>
    </message>
    <message>
        <source>消费</source>
        <translation>Consumer</translation>
    </message>
    <message>
        <source>医疗</source>
        <translation>Medical</translation>
    </message>
    <message>
        <source>道路交通事故</source>
        <translation>Road traffic accidents</translation>
    </message>
    <message>
        <source>物业</source>
        <translation>Property management</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>拖欠农民工工资</source>
        <translation>Unpaid migrant workers&apos; wages</translation>
    </message>
    <message>
        <source>旅游</source>
        <translation>Tourism</translation>
    </message>
    <message>
        <source>电子商务</source>
        <translation>E-commerce</translation>
    </message>
    <message>
        <source>村务管理</source>
        <translation>Village affairs</translation>
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
    <name>Intake</name>
    <message>
        <source>依申请</source>
        <translation>On application</translation>
    </message>
    <message>
        <source>主动调解</source>
        <translation>On the committee&apos;s initiative</translation>
    </message>
    <message>
        <source>委托移送</source>
        <translation>Referred</translation>
    </message>
    <message>
        <source>法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <source>检察院</source>
        <translation>Procuratorate</translation>
    </message>
    <message>
        <source>公安</source>
        <translation>Police</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petitions office</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>当事人 {n}</source>
        <translation>Party {n}</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已受理，案号：{number}</source>
        <translation>Accepted, case no. {number}</translation>
    </message>
    <message>
        <source>未保存：请按提示修改后再保存</source>
        <translation>Not saved: correct the fields marked and save again</translation>
    </message>
    <message>
        <source>未能保存</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>受理登记</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>来源(&amp;Y)：</source>
        <translation>S&amp;ource:</translation>
    </message>
    <message>
        <source>移送机关：</source>
        <translation>Referred by:</translation>
    </message>
    <message>
        <source>移送单位名称：</source>
        <translation>Referring body:</translation>
    </message>
    <message>
        <source>纠纷类型(&amp;T)：</source>
        <translation>Dispute &amp;type:</translation>
    </message>
    <message>
        <source>纠纷子类：</source>
        <translation>Sub-type:</translation>
    </message>
    <message>
        <source>简要案情(&amp;F)：</source>
        <translation>Brief &amp;facts:</translation>
    </message>
    <message>
        <source>当事人请求：</source>
        <translation>Requests:</translation>
    </message>
    <message>
        <source>涉及金额（元）：</source>
        <translation>Amount (yuan):</translation>
    </message>
    <message>
        <source>如 1200 或 1200.50</source>
        <translation>e.g. 1200 or 1200.50</translation>
    </message>
    <message>
        <source>涉及人数：</source>
        <translation>Persons involved:</translation>
    </message>
    <message>
        <source>按当事人人数</source>
        <translation>Number of parties</translation>
    </message>
    <message>
        <source>风险提示：</source>
        <translation>Risks:</translation>
    </message>
    <message>
        <source>防止自杀</source>
        <translation>Suicide risk</translation>
    </message>
    <message>
        <source>防止民转刑</source>
        <translation>Risk of turning criminal</translation>
    </message>
    <message>
        <source>防止群体性上访</source>
        <translation>Risk of group petitions</translation>
    </message>
    <message>
        <source>防止群体性械斗</source>
        <translation>Risk of group fights</translation>
    </message>
    <message>
        <source>纠纷发生地：</source>
        <translation>Where:</translation>
    </message>
    <message>
        <source>受理日期(&amp;D)：</source>
        <translation>Accepted on (&amp;D):</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>添加当事人(&amp;A)</source>
        <translation>&amp;Add party</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>保存并派单</source>
        <translation>Save and assign</translation>
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
        <source>受理</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>案件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>查找案件</source>
        <translation>Find cases</translation>
    </message>
    <message>
        <source>新受理</source>
        <translation>New intake</translation>
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
    <name>Party</name>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>被申请人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <source>第三人</source>
        <translation>Third party</translation>
    </message>
    <message>
        <source>自然人</source>
        <translation>Natural person</translation>
    </message>
    <message>
        <source>法人或其他组织</source>
        <translation>Legal person or organisation</translation>
    </message>
    <message>
        <source>居民身份证</source>
        <translation>Resident ID card</translation>
    </message>
    <message>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>港澳居民来往内地通行证</source>
        <translation>Mainland travel permit for Hong Kong and Macao residents</translation>
    </message>
    <message>
        <source>台湾居民来往大陆通行证</source>
        <translation>Mainland travel permit for Taiwan residents</translation>
    </message>
    <message>
        <source>外国人永久居留身份证</source>
        <translation>Foreigner&apos;s permanent residence ID card</translation>
    </message>
    <message>
        <source>港澳台居民居住证</source>
        <translation>Residence permit for Hong Kong, Macao and Taiwan residents</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>PartyEditor</name>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>名称：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>姓名：</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>年龄：{age} 岁</source>
        <translation>Age: {age}</translation>
    </message>
    <message>
        <source>使用已登记的当事人：{who}</source>
        <translation>Use the registered person: {who}</translation>
    </message>
    <message>
        <source>已登记过：{who}</source>
        <translation>Already registered: {who}</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>身份：</source>
        <translation>Role:</translation>
    </message>
    <message>
        <source>类型：</source>
        <translation>Kind:</translation>
    </message>
    <message>
        <source>证件类型：</source>
        <translation>ID type:</translation>
    </message>
    <message>
        <source>证件号码：</source>
        <translation>ID number:</translation>
    </message>
    <message>
        <source>性别：</source>
        <translation>Gender:</translation>
    </message>
    <message>
        <source>出生日期：</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <source>如 1958-03-05</source>
        <translation>e.g. 1958-03-05</translation>
    </message>
    <message>
        <source>民族：</source>
        <translation>Ethnic group:</translation>
    </message>
    <message>
        <source>职业或职务：</source>
        <translation>Occupation or post:</translation>
    </message>
    <message>
        <source>联系电话：</source>
        <translation>Phone:</translation>
    </message>
    <message>
        <source>住址：</source>
        <translation>Address:</translation>
    </message>
    <message>
        <source>统一社会信用代码：</source>
        <translation>Unified social credit code:</translation>
    </message>
    <message>
        <source>法定代表人或负责人：</source>
        <translation>Legal representative:</translation>
    </message>
    <message>
        <source>使用已登记的当事人</source>
        <translation>Use the registered person</translation>
    </message>
    <message>
        <source>改为新登记</source>
        <translation>Register as new</translation>
    </message>
    <message>
        <source>删除此当事人</source>
        <translation>Remove this party</translation>
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
