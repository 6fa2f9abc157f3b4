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
        <source>姓名(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
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
    <name>AgreementDialog</name>
    <message>
        <source>{number}&#x3000;登记调解协议</source>
        <translation>{number}  Record the mediation agreement</translation>
    </message>
    <message>
        <source>口头协议：达成即生效，由调解委员会登记内容（人民调解法第二十八条、第三十条）。</source>
        <translation>Oral agreement: it takes effect as soon as it is reached; the mediation committee records what was agreed (People&apos;s Mediation Law, Art. 28 and 30).</translation>
    </message>
    <message>
        <source>本协议一式{copies}份，当事人各执一份，调解委员会留存一份（当事人 {parties} 方）。</source>
        <translation>This agreement is made in {copies} copies: one for each party and one kept by the mediation committee ({parties} parties).</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>协议形式(&amp;X)：</source>
        <translation>F&amp;orm:</translation>
    </message>
    <message>
        <source>达成日期(&amp;D)：</source>
        <translation>&amp;Date reached:</translation>
    </message>
    <message>
        <source>主要事实(&amp;F)：</source>
        <translation>Main &amp;facts:</translation>
    </message>
    <message>
        <source>争议事项(&amp;Z)：</source>
        <translation>Disputed &amp;issues:</translation>
    </message>
    <message>
        <source>各方责任(&amp;R)：</source>
        <translation>Each side&apos;s &amp;responsibility:</translation>
    </message>
    <message>
        <source>协议条款(&amp;K)：</source>
        <translation>&amp;Terms:</translation>
    </message>
    <message>
        <source>经调解，双方自愿达成如下协议：</source>
        <translation>Through mediation, the parties have freely agreed as follows:</translation>
    </message>
    <message>
        <source>条款内容</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>添加条款(&amp;N)</source>
        <translation>Add &amp;new term</translation>
    </message>
    <message>
        <source>删除条款</source>
        <translation>Remove term</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>履行方式(&amp;M)：</source>
        <translation>&amp;Method of performance:</translation>
    </message>
    <message>
        <source>约定履行期限(&amp;Q)：</source>
        <translation>Agreed dead&amp;line:</translation>
    </message>
    <message>
        <source>协议金额（元）(&amp;A)：</source>
        <translation>&amp;Amount (yuan):</translation>
    </message>
    <message>
        <source>没有金额可不填</source>
        <translation>Leave empty if no money is involved</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <source>报警通道状态</source>
        <translation>Alarm channel state</translation>
    </message>
    <message>
        <source>全部报警</source>
        <translation>All alarms</translation>
    </message>
    <message>
        <source>报警通道中断：新的手环报警可能收不到，请电话联系镇里，并检查网络。</source>
        <translation>ALARM CHANNEL DOWN: new bracelet alarms may not arrive. Phone the town and check the network.</translation>
    </message>
    <message>
        <source>（自 {at} 起）</source>
        <translation> (since {at})</translation>
    </message>
    <message>
        <source>原因：{reason}</source>
        <translation> Reason: {reason}</translation>
    </message>
    <message>
        <source>有 {count} 条平安手环报警待接警，请立即登录处置</source>
        <translation>{count} bracelet alarm(s) waiting to be answered: log in now</translation>
    </message>
    <message>
        <source>另有 {count} 条报警待接警</source>
        <translation>{count} more alarms waiting for an answer</translation>
    </message>
</context>
<context>
    <name>AlarmCard</name>
    <message>
        <source>接警</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>{who}，{at}（用时 {answer}）</source>
        <translation>{who}, {at} (after {answer})</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>派给 {to}（{who}，{at}）</source>
        <translation>to {to} ({who}, {at})</translation>
    </message>
    <message>
        <source>处置</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>{who}，{at}：{outcome}</source>
        <translation>{who}, {at}: {outcome}</translation>
    </message>
    <message>
        <source>上报</source>
        <translation>Escalated</translation>
    </message>
    <message>
        <source>超时未接警，{at} 已上报镇（街道）</source>
        <translation>not answered in time; escalated to the town at {at}</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>本机的处置还未送到区里，联网后自动送出</source>
        <translation>this desk&apos;s handling has not reached the district yet; it is sent once online</translation>
    </message>
    <message>
        <source>，{age} 岁</source>
        <translation>, {age} years old</translation>
    </message>
    <message>
        <source>，独居</source>
        <translation>, lives alone</translation>
    </message>
    <message>
        <source>佩戴人</source>
        <translation>Wearer</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>健康信息</source>
        <translation>Health notes</translation>
    </message>
    <message>
        <source>有（在“佩戴人”页查看，查看会记录）</source>
        <translation>on record (open them on the Wearers tab; every opening is logged)</translation>
    </message>
    <message>
        <source>没有登记紧急联系人。</source>
        <translation>No emergency contact on record.</translation>
    </message>
    <message>
        <source>无电话</source>
        <translation>no phone</translation>
    </message>
    <message>
        <source>紧急联系人（按顺序拨打）</source>
        <translation>Emergency contacts (call in this order)</translation>
    </message>
    <message>
        <source>状态：{state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <source>{at}（{source}）</source>
        <translation>{at} ({source})</translation>
    </message>
    <message>
        <source>报警时间</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>{at}&#x3000;迟到（报警通道中断期间发生，恢复后补收）</source>
        <translation>{at}  LATE (raised while the alarm channel was down, received when it came back)</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>纬度 {lat:.5f}，经度 {lon:.5f}</source>
        <translation>latitude {lat:.5f}, longitude {lon:.5f}</translation>
    </message>
    <message>
        <source>无定位（按住址上门）</source>
        <translation>no position (go to the home address)</translation>
    </message>
    <message>
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>手环电量</source>
        <translation>Battery</translation>
    </message>
    <message>
        <source>手环</source>
        <translation>Bracelet</translation>
    </message>
    <message>
        <source>这个手环没有在本村登记佩戴人：请核对手环号，联系镇里。</source>
        <translation>Nobody in this village is enrolled with this bracelet: check its number and call the town.</translation>
    </message>
</context>
<context>
    <name>AlarmCommon</name>
    <message>
        <source>{s} 秒</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <source>{m} 分 {s:02d} 秒</source>
        <translation>{m} min {s:02d} s</translation>
    </message>
    <message>
        <source>{h} 小时 {m} 分</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <source>{d} 天 {h} 小时</source>
        <translation>{d} d {h} h</translation>
    </message>
</context>
<context>
    <name>AlarmConsole</name>
    <message>
        <source>平安手环报警：{name}</source>
        <translation>Bracelet alarm: {name}</translation>
    </message>
    <message>
        <source>{kinds}，{at} 报警。请立即接警。</source>
        <translation>{kinds}, raised at {at}. Answer it now.</translation>
    </message>
    <message>
        <source>另有 {count} 条新报警。</source>
        <translation> {count} more new alarms.</translation>
    </message>
    <message>
        <source>人民调解室工作台：平安手环</source>
        <translation>Mediation desk: bracelet alarms</translation>
    </message>
</context>
<context>
    <name>AlarmLabels</name>
    <message>
        <source>一键呼救</source>
        <translation>SOS</translation>
    </message>
    <message>
        <source>疑似跌倒</source>
        <translation>Possible fall</translation>
    </message>
    <message>
        <source>手环电量低</source>
        <translation>Battery low</translation>
    </message>
    <message>
        <source>手环被摘下</source>
        <translation>Bracelet taken off</translation>
    </message>
    <message>
        <source>手环报警</source>
        <translation>Bracelet alarm</translation>
    </message>
    <message>
        <source>待接警</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <source>已接警</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已派单</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>手环直连</source>
        <translation>bracelet</translation>
    </message>
    <message>
        <source>厂商平台</source>
        <translation>vendor platform</translation>
    </message>
    <message>
        <source>手环离线</source>
        <translation>Bracelet offline</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>亲属</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>村医</source>
        <translation>Village doctor</translation>
    </message>
    <message>
        <source>网格员</source>
        <translation>Grid worker</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>AlarmRow</name>
    <message>
        <source>查看</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>查看报警</source>
        <translation>Open the alarm</translation>
    </message>
    <message>
        <source>待接警&#x3000;{who}&#x3000;{kinds}&#x3000;{at} 报警&#x3000;已等待 {waited}</source>
        <translation>WAITING  {who}  {kinds}  raised {at}  waiting {waited}</translation>
    </message>
    <message>
        <source>&#x3000;「迟到」</source>
        <translation>  LATE</translation>
    </message>
    <message>
        <source>&#x3000;已上报镇里</source>
        <translation>  escalated to the town</translation>
    </message>
</context>
<context>
    <name>AlarmsPage</name>
    <message>
        <source>报警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>佩戴人</source>
        <translation>Wearers</translation>
    </message>
    <message>
        <source>设备任务</source>
        <translation>Device tasks</translation>
    </message>
    <message>
        <source>月度统计</source>
        <translation>Monthly figures</translation>
    </message>
</context>
<context>
    <name>AlarmsTab</name>
    <message>
        <source>只看未处置(&amp;O)</source>
        <translation>&amp;Open ones only</translation>
    </message>
    <message>
        <source>先接警，再打电话：接警后按顺序拨打紧急联系人，派人上门，处置完毕写明结果。</source>
        <translation>Answer first, then phone: call the emergency contacts in order, send someone to the home, and write down the outcome.</translation>
    </message>
    <message>
        <source>报警列表</source>
        <translation>Alarm list</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>佩戴人</source>
        <translation>Wearer</translation>
    </message>
    <message>
        <source>报警类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>报警时间</source>
        <translation>Raised</translation>
    </message>
    <message>
        <source>接警用时</source>
        <translation>Time to answer</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>报警详情和紧急联系人</source>
        <translation>Alarm details and emergency contacts</translation>
    </message>
    <message>
        <source>接警(&amp;A)</source>
        <translation>&amp;Answer</translation>
    </message>
    <message>
        <source>派单(&amp;D)…</source>
        <translation>&amp;Dispatch…</translation>
    </message>
    <message>
        <source>处置完毕(&amp;R)…</source>
        <translation>&amp;Resolve…</translation>
    </message>
    <message>
        <source>未处置 {open} 条，其中待接警 {new} 条</source>
        <translation>{open} not resolved, {new} of them waiting for an answer</translation>
    </message>
    <message>
        <source>派单：{name}</source>
        <translation>Dispatch: {name}</translation>
    </message>
    <message>
        <source>派谁上门查看？可从紧急联系人中选，也可直接填写姓名或单位。</source>
        <translation>Who goes to the home? Choose an emergency contact or type a name or an organisation.</translation>
    </message>
    <message>
        <source>派给</source>
        <translation>Sent to</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <source>处置完毕：{name}</source>
        <translation>Resolved: {name}</translation>
    </message>
    <message>
        <source>写明处置结果（必填）：老人情况如何，谁到了现场，是否送医或误报。</source>
        <translation>Write the outcome (required): how the wearer is, who went there, whether taken to hospital or a false alarm.</translation>
    </message>
    <message>
        <source>处置结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>确认这条报警已处置完毕？处置完毕后不能再更改。</source>
        <translation>Mark this alarm as resolved? It cannot be changed afterwards.</translation>
    </message>
    <message>
        <source>处置完毕</source>
        <translation>Mark resolved</translation>
    </message>
    <message>
        <source>{name}的报警：{state}</source>
        <translation>Alarm of {name}: {state}</translation>
    </message>
    <message>
        <source>未能变更：{reason}</source>
        <translation>Not changed: {reason}</translation>
    </message>
</context>
<context>
    <name>Amounts</name>
    <message>
        <source>{amount} 元</source>
        <translation>{amount} yuan</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>{number}&#x3000;指派调解员（人民调解法第十九条）</source>
        <translation>{number}  Assign mediators (People&apos;s Mediation Law, Art. 19)</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Assign</translation>
    </message>
    <message>
        <source>正在读取推荐人选……</source>
        <translation>Loading the recommended mediators…</translation>
    </message>
    <message>
        <source>{name}：{reason}</source>
        <translation>{name}: {reason}</translation>
    </message>
    <message>
        <source>（没有须回避的调解员）</source>
        <translation>(no mediator needs to step aside)</translation>
    </message>
    <message>
        <source>名册中没有可以指派的调解员，请先在调解员名册中登记。</source>
        <translation>No mediator in the roster can be assigned. Please add mediators to the roster first.</translation>
    </message>
    <message>
        <source>推荐人选（按推荐顺序排列；勾选要指派的调解员，可选多名）(&amp;M)：</source>
        <translation>Recommended &amp;mediators (best first; tick the ones to assign, you may tick more than one):</translation>
    </message>
    <message>
        <source>名次</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>推荐程度</source>
        <translation>Suitability</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>回避及不能指派的调解员：</source>
        <translation>Mediators who must step aside or cannot be assigned:</translation>
    </message>
    <message>
        <source>选定方式(&amp;X)：</source>
        <translation>Chosen &amp;by:</translation>
    </message>
    <message>
        <source>调整理由(&amp;R)：</source>
        <translation>&amp;Reason for the change:</translation>
    </message>
    <message>
        <source>不按推荐顺序指派，或指派暂不可用、已满额的调解员，须填写调整理由（调委会指定时）。</source>
        <translation>When the committee appoints mediators out of the recommended order, or appoints one who is unavailable or fully booked, give the reason for the change.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>{name}&#x3000;{kind}&#x3000;{size}</source>
        <translation>{name}  {kind}  {size}</translation>
    </message>
    <message>
        <source>添加附件</source>
        <translation>Add attachments</translation>
    </message>
    <message>
        <source>PDF、图片、音视频或文档 ({types});;所有文件 (*)</source>
        <translation>PDF, pictures, audio, video or documents ({types});;All files (*)</translation>
    </message>
    <message>
        <source>正在添加 {n} 个文件……</source>
        <translation>Adding {n} files…</translation>
    </message>
    <message>
        <source>「{name}」未添加：{reason}</source>
        <translation>“{name}” not added: {reason}</translation>
    </message>
    <message>
        <source>已添加：{names}</source>
        <translation>Added: {names}</translation>
    </message>
    <message>
        <source>导出附件原件</source>
        <translation>Export the original attachment</translation>
    </message>
    <message>
        <source>导出的文件不再加密。请说明导出「{name}」的理由，理由将记入审计日志。</source>
        <translation>The exported file is no longer encrypted. Please give the reason for exporting “{name}”; it is written to the audit log.</translation>
    </message>
    <message>
        <source>已导出到：{path}</source>
        <translation>Exported to: {path}</translation>
    </message>
</context>
<context>
    <name>CaseAction</name>
    <message>
        <source>派单…</source>
        <translation>Assign…</translation>
    </message>
    <message>
        <source>记录调解…</source>
        <translation>Record a session…</translation>
    </message>
    <message>
        <source>登记协议…</source>
        <translation>Record the agreement…</translation>
    </message>
    <message>
        <source>确认签字…</source>
        <translation>Confirm signatures…</translation>
    </message>
    <message>
        <source>协议撤回，重新调解…</source>
        <translation>Withdraw the agreement, mediate again…</translation>
    </message>
    <message>
        <source>当事人拒签，终止调解…</source>
        <translation>A party refuses to sign: terminate…</translation>
    </message>
    <message>
        <source>转入履行…</source>
        <translation>Start performance…</translation>
    </message>
    <message>
        <source>登记回访…</source>
        <translation>Record a follow-up visit…</translation>
    </message>
    <message>
        <source>协议未履行…</source>
        <translation>Agreement not performed…</translation>
    </message>
    <message>
        <source>结案…</source>
        <translation>Close the case…</translation>
    </message>
    <message>
        <source>终止调解…</source>
        <translation>End mediation…</translation>
    </message>
    <message>
        <source>不予调解…</source>
        <translation>Decline…</translation>
    </message>
    <message>
        <source>上报…</source>
        <translation>Escalate…</translation>
    </message>
</context>
<context>
    <name>CaseDisplay</name>
    <message>
        <source>【{state}】</source>
        <translation>[{state}]</translation>
    </message>
    <message>
        <source>尚未达成协议</source>
        <translation>No agreement yet</translation>
    </message>
    <message>
        <source>纠纷类型：{kind}</source>
        <translation>Dispute type: {kind}</translation>
    </message>
    <message>
        <source>来源：{source}</source>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>受理日期：{day}</source>
        <translation>Accepted on: {day}</translation>
    </message>
    <message>
        <source>纠纷地点：{area}</source>
        <translation>Place of the dispute: {area}</translation>
    </message>
    <message>
        <source>涉及金额：{amount} 元</source>
        <translation>Amount involved: {amount} yuan</translation>
    </message>
    <message>
        <source>涉及人数：{n} 人</source>
        <translation>Persons involved: {n}</translation>
    </message>
    <message>
        <source>简要案情：{facts}</source>
        <translation>Brief facts: {facts}</translation>
    </message>
    <message>
        <source>当事人请求：{requests}</source>
        <translation>Parties&apos; requests: {requests}</translation>
    </message>
    <message>
        <source>风险提示：{flags}</source>
        <translation>Risks: {flags}</translation>
    </message>
    <message>
        <source>已防止：{flags}</source>
        <translation>Prevented: {flags}</translation>
    </message>
    <message>
        <source>{state}理由：{reason}</source>
        <translation>Reason ({state}): {reason}</translation>
    </message>
    <message>
        <source>已告知的其他途径：{routes}</source>
        <translation>Other routes the parties were told of: {routes}</translation>
    </message>
    <message>
        <source>上报至：{level}</source>
        <translation>Escalated to: {level}</translation>
    </message>
    <message>
        <source>结案日期：{day}</source>
        <translation>Closed on: {day}</translation>
    </message>
    <message>
        <source>待回访：{n} 次</source>
        <translation>Follow-up visits due: {n}</translation>
    </message>
    <message>
        <source>（已遮掩）</source>
        <translation>(hidden)</translation>
    </message>
    <message>
        <source>{name}（法定代表人：{rep}）</source>
        <translation>{name} (legal representative: {rep})</translation>
    </message>
    <message>
        <source>正在显示完整个人信息（本次查看及理由已记入审计日志）；刷新或离开本页后恢复遮掩。</source>
        <translation>Showing full personal data (this viewing and its reason are in the audit log); they are hidden again when you refresh or leave this page.</translation>
    </message>
    <message>
        <source>证件号码和电话已遮掩。查看完整信息须说明理由，并记入审计日志。</source>
        <translation>ID numbers and phones are hidden. To see them in full, give a reason; it is written to the audit log.</translation>
    </message>
    <message>
        <source>推荐第 {rank} 名</source>
        <translation>recommended no. {rank}</translation>
    </message>
    <message>
        <source>{name}（{how}）</source>
        <translation>{name} ({how})</translation>
    </message>
    <message>
        <source>；调整理由：{reason}</source>
        <translation>; reason for the change: {reason}</translation>
    </message>
    <message>
        <source>已撤换：{who}，{reason}</source>
        <translation>Replaced: {who}, {reason}</translation>
    </message>
    <message>
        <source>尚未指派调解员</source>
        <translation>No mediator assigned yet</translation>
    </message>
    <message>
        <source>{form}，达成于 {day}</source>
        <translation>{form}, reached on {day}</translation>
    </message>
    <message>
        <source>本协议一式{copies}份，当事人各执一份，调解委员会留存一份</source>
        <translation>Made in {copies} copies: one for each party and one kept by the mediation committee</translation>
    </message>
    <message>
        <source>主要事实：{facts}</source>
        <translation>Main facts: {facts}</translation>
    </message>
    <message>
        <source>争议事项：{issues}</source>
        <translation>Disputed issues: {issues}</translation>
    </message>
    <message>
        <source>各方责任：{text}</source>
        <translation>Each side&apos;s responsibility: {text}</translation>
    </message>
    <message>
        <source>协议条款：</source>
        <translation>Terms:</translation>
    </message>
    <message>
        <source>未约定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>履行方式：{method}；履行期限：{deadline}</source>
        <translation>Method of performance: {method}; deadline: {deadline}</translation>
    </message>
    <message>
        <source>协议金额：{amount} 元</source>
        <translation>Agreed amount: {amount} yuan</translation>
    </message>
    <message>
        <source>生效日期：{day}；申请司法确认期限：{deadline}</source>
        <translation>In effect from: {day}; apply for judicial confirmation by: {deadline}</translation>
    </message>
    <message>
        <source>尚未确认签字，协议未生效</source>
        <translation>Signatures not yet confirmed; the agreement is not in effect yet</translation>
    </message>
    <message>
        <source>已于 {day} 撤回（未生效，保留备查）：{reason}</source>
        <translation>Withdrawn on {day} (never in effect, kept for the record): {reason}</translation>
    </message>
    <message>
        <source>已于 {day} 被人民法院确认无效或撤销：{reason}</source>
        <translation>Ruled invalid or revoked by a court on {day}: {reason}</translation>
    </message>
    <message>
        <source>履行情况：{status}</source>
        <translation>Performance: {status}</translation>
    </message>
    <message>
        <source>{at}&#x3000;{place}&#x3000;{outcome}</source>
        <translation>{at}  {place}  {outcome}</translation>
    </message>
    <message>
        <source>（第 {version} 版）</source>
        <translation> (version {version})</translation>
    </message>
    <message>
        <source>尚无调解记录</source>
        <translation>No session records yet</translation>
    </message>
</context>
<context>
    <name>CaseLabel</name>
    <message>
        <source>继续调解</source>
        <translation>Mediation continues</translation>
    </message>
    <message>
        <source>达成协议</source>
        <translation>Agreement reached</translation>
    </message>
    <message>
        <source>调解不成</source>
        <translation>Mediation failed</translation>
    </message>
    <message>
        <source>书面协议</source>
        <translation>Written agreement</translation>
    </message>
    <message>
        <source>口头协议</source>
        <translation>Oral agreement</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>部分履行</source>
        <translation>Partly performed</translation>
    </message>
    <message>
        <source>履行完毕</source>
        <translation>Fully performed</translation>
    </message>
    <message>
        <source>未履行</source>
        <translation>Not performed</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Mostly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Not satisfied</translation>
    </message>
    <message>
        <source>仲裁</source>
        <translation>Arbitration</translation>
    </message>
    <message>
        <source>行政途径</source>
        <translation>Administrative channels</translation>
    </message>
    <message>
        <source>诉讼</source>
        <translation>Lawsuit</translation>
    </message>
    <message>
        <source>信访</source>
        <translation>Petition</translation>
    </message>
    <message>
        <source>镇（街道）矛调中心</source>
        <translation>Town dispute resolution centre</translation>
    </message>
    <message>
        <source>区（县）社会治理中心</source>
        <translation>District (county) social governance centre</translation>
    </message>
    <message>
        <source>防止自杀</source>
        <translation>Suicide</translation>
    </message>
    <message>
        <source>防止民转刑</source>
        <translation>Civil dispute turning criminal</translation>
    </message>
    <message>
        <source>防止群体性上访</source>
        <translation>Group petition</translation>
    </message>
    <message>
        <source>防止群体性械斗</source>
        <translation>Group fight</translation>
    </message>
    <message>
        <source>证据</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>签字扫描件</source>
        <translation>Signed scan</translation>
    </message>
    <message>
        <source>身份证明</source>
        <translation>Proof of identity</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>调委会指定</source>
        <translation>Appointed by the committee</translation>
    </message>
    <message>
        <source>当事人选定</source>
        <translation>Chosen by the parties</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>派单</source>
        <translation>Assignment</translation>
    </message>
    <message>
        <source>调解</source>
        <translation>Mediation</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>协议</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-up visit</translation>
    </message>
    <message>
        <source>主办</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>协办</source>
        <translation>Assisting</translation>
    </message>
    <message>
        <source>很合适</source>
        <translation>Very suitable</translation>
    </message>
    <message>
        <source>合适</source>
        <translation>Suitable</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>不太合适</source>
        <translation>Less suitable</translation>
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
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>正在读取案件……</source>
        <translation>Loading the case…</translation>
    </message>
    <message>
        <source>不能打开这件案件：{reason}</source>
        <translation>This case cannot be opened: {reason}</translation>
    </message>
    <message>
        <source>暂不能办理：{reason}</source>
        <translation>Cannot be done now: {reason}</translation>
    </message>
    <message>
        <source>这件案件现在不能办理「{action}」</source>
        <translation>“{action}” cannot be done on this case now</translation>
    </message>
    <message>
        <source>沿用原记录中的调解员</source>
        <translation>Keep the mediators of the original record</translation>
    </message>
    <message>
        <source>查看完整个人信息</source>
        <translation>Show full personal data</translation>
    </message>
    <message>
        <source>当事人的证件号码、电话和住址属于个人信息。请说明查看的理由（如：回访需要联系当事人），本次查看连同理由记入审计日志。</source>
        <translation>The parties&apos; ID numbers, phones and addresses are personal data. Please give the reason for viewing them (e.g. the follow-up visit needs to contact the party); this viewing and its reason are written to the audit log.</translation>
    </message>
    <message>
        <source>返回案件列表(&amp;B)</source>
        <translation>&amp;Back to the case list</translation>
    </message>
    <message>
        <source>文书(&amp;W)…</source>
        <translation>&amp;Documents…</translation>
    </message>
    <message>
        <source>生成、预览、打印或保存本案文书（Ctrl+P）</source>
        <translation>Generate, preview, print or save the documents of this case (Ctrl+P)</translation>
    </message>
    <message>
        <source>显示完整个人信息(&amp;I)…</source>
        <translation>Show full personal &amp;information…</translation>
    </message>
    <message>
        <source>须说明理由，查看记入审计日志</source>
        <translation>A reason is needed; the viewing is written to the audit log</translation>
    </message>
    <message>
        <source>案件情况</source>
        <translation>Case details</translation>
    </message>
    <message>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>调解协议</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Session records</translation>
    </message>
    <message>
        <source>更正所选记录(&amp;C)…</source>
        <translation>&amp;Correct the selected record…</translation>
    </message>
    <message>
        <source>更正生成新的版本，原记录保留</source>
        <translation>A correction makes a new version; the original record is kept</translation>
    </message>
    <message>
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>可以把文件拖到本页，添加为本案附件（PDF、图片、音视频或文档）</source>
        <translation>You can drag files onto this page to add them to the case (PDF, pictures, audio, video or documents)</translation>
    </message>
    <message>
        <source>类别(&amp;K)：</source>
        <translation>&amp;Kind:</translation>
    </message>
    <message>
        <source>添加附件(&amp;A)…</source>
        <translation>&amp;Add attachment…</translation>
    </message>
    <message>
        <source>导出原件(&amp;E)…</source>
        <translation>&amp;Export original…</translation>
    </message>
    <message>
        <source>须说明理由，打开附件记入审计日志</source>
        <translation>A reason is needed; opening an attachment is written to the audit log</translation>
    </message>
    <message>
        <source>可办理的事项</source>
        <translation>What can be done</translation>
    </message>
    <message>
        <source>当前没有可办理的事项</source>
        <translation>Nothing can be done on this case now</translation>
    </message>
    <message>
        <source>办理经过</source>
        <translation>History</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Details</translation>
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
        <source>协议未履行</source>
        <translation>Agreement not performed</translation>
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
    <name>ChartMaker</name>
    <message>
        <source>本月受理案件（按纠纷类型）</source>
        <translation>Cases accepted this month (by dispute type)</translation>
    </message>
    <message>
        <source>本月没有受理案件</source>
        <translation>No cases accepted this month</translation>
    </message>
    <message>
        <source>受理件数</source>
        <translation>Cases accepted</translation>
    </message>
    <message>
        <source>件</source>
        <translation>cases</translation>
    </message>
    <message>
        <source>近 {n} 个月受理与调解成功件数</source>
        <translation>Cases accepted and mediated successfully, last {n} months</translation>
    </message>
    <message>
        <source>受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>调解成功</source>
        <translation>Mediated successfully</translation>
    </message>
    <message>
        <source>近 {n} 个月调解成功率</source>
        <translation>Success rate, last {n} months</translation>
    </message>
    <message>
        <source>调解成功率（%）</source>
        <translation>Success rate (%)</translation>
    </message>
    <message>
        <source>近 {n} 个月没有调结的案件，无成功率</source>
        <translation>No cases concluded in the last {n} months, so no success rate</translation>
    </message>
</context>
<context>
    <name>ChecklistForm</name>
    <message>
        <source>选好场所后，这里列出它所属类别的检查清单，每一项选择合格、有隐患或不适用。</source>
        <translation>Once a place is chosen, the checklist of its category is listed here: answer each item OK, hazard or not applicable.</translation>
    </message>
    <message>
        <source>请选择这一项的检查结果</source>
        <translation>Choose a result for this item</translation>
    </message>
</context>
<context>
    <name>CommitteePage</name>
    <message>
        <source>案号将写成：{number}（全国统一格式为“（年）X人调字第 号”，可以改成本地习惯的字号）</source>
        <translation>Case numbers will read: {number} (the national form is “（year）X人调字第 号”; you may use the word customary here)</translation>
    </message>
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
        <source>委员会名称(&amp;M)：</source>
        <translation>Co&amp;mmittee name:</translation>
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
    <message>
        <source>案号字号(&amp;W)：</source>
        <translation>Case &amp;word:</translation>
    </message>
</context>
<context>
    <name>ContactsEditor</name>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>紧急联系人</source>
        <translation>Emergency contacts</translation>
    </message>
    <message>
        <source>添加联系人(&amp;L)</source>
        <translation>Add contact (&amp;L)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>上移</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>下移</source>
        <translation>Down</translation>
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
    <name>DataSection</name>
    <message>
        <source>{folder}（默认：数据位置下的 backups）</source>
        <translation>{folder} (default: “backups” in the data location)</translation>
    </message>
    <message>
        <source>本次启动时用 --data-dir 指定。要更换，请改用其他文件夹启动工作台。</source>
        <translation>Set with --data-dir when the desk was started. To change it, start the desk with another folder.</translation>
    </message>
    <message>
        <source>由环境变量 MEDIATION_DESK_DATA 指定。要更换，请修改该环境变量后重新启动。</source>
        <translation>Set by the environment variable MEDIATION_DESK_DATA. To change it, change that variable and restart.</translation>
    </message>
    <message>
        <source>下次启动将改用：{folder}</source>
        <translation>From the next start: {folder}</translation>
    </message>
    <message>
        <source>这是在本页选择的数据位置。</source>
        <translation>This is the data location chosen on this page.</translation>
    </message>
    <message>
        <source>这是本机默认的数据位置。</source>
        <translation>This is the default data location of this PC.</translation>
    </message>
    <message>
        <source>
要把数据搬到别处：关闭工作台，把这个文件夹里的全部内容复制到新位置，再打开工作台，点「更改数据位置…」选择新位置。</source>
        <translation>
To move the data elsewhere: close the desk, copy everything in this folder to the new place, open the desk again and click “Change data location…” to choose the new place.</translation>
    </message>
    <message>
        <source>恢复备份和更改数据位置只有主任可以操作。</source>
        <translation>Only the director can restore backups and change the data location.</translation>
    </message>
    <message>
        <source>选择数据位置</source>
        <translation>Choose the data location</translation>
    </message>
    <message>
        <source>正在检查该位置的数据……</source>
        <translation>Checking the data at that location…</translation>
    </message>
    <message>
        <source>已保存。下次启动工作台时将使用：{folder}
在此之前仍使用现在的位置；请关闭工作台再重新打开。</source>
        <translation>Saved. The desk will use this the next time it starts: {folder}
Until then it keeps using the current location; please close the desk and open it again.</translation>
    </message>
    <message>
        <source>数据位置</source>
        <translation>Data location</translation>
    </message>
    <message>
        <source>选择备份位置</source>
        <translation>Choose the backup location</translation>
    </message>
    <message>
        <source>正在检查备份位置……</source>
        <translation>Checking the backup location…</translation>
    </message>
    <message>
        <source>备份将保存到：{folder}</source>
        <translation>Backups will be saved to: {folder}</translation>
    </message>
    <message>
        <source>正在备份，请稍候……</source>
        <translation>Backing up, please wait…</translation>
    </message>
    <message>
        <source>已备份到：{file}（{size}）</source>
        <translation>Backed up to: {file} ({size})</translation>
    </message>
    <message>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>工作台备份 (*.sqlite3);;所有文件 (*)</source>
        <translation>Desk backups (*.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>正在检查备份文件……</source>
        <translation>Checking the backup file…</translation>
    </message>
    <message>
        <source>恢复将用这份备份替换本机的全部数据：

文件：{file}
备份时间：{made}
案件：{cases} 件

现在的数据会先另存一份到 {folder}。
恢复不可撤销，完成后所有人都要重新登录。

确定恢复吗？</source>
        <translation>Restoring replaces all the data on this PC with this backup:

File: {file}
Backed up at: {made}
Cases: {cases}

A copy of the current data is saved to {folder} first.
Restoring cannot be undone, and everyone must log in again afterwards.

Restore now?</translation>
    </message>
    <message>
        <source>恢复备份</source>
        <translation>Restore backup</translation>
    </message>
    <message>
        <source>已取消恢复，数据没有任何改动。</source>
        <translation>Restore cancelled; no data were changed.</translation>
    </message>
    <message>
        <source>正在恢复备份，请不要关闭工作台……</source>
        <translation>Restoring the backup, please do not close the desk…</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>已从「{file}」恢复数据。原来的数据另存为 {kept}。
请重新登录。</source>
        <translation>Data restored from “{file}”. The previous data were saved as {kept}.
Please log in again.</translation>
    </message>
    <message>
        <source>已恢复</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>恢复没有完成：{error}
原来的数据已另存在 {folder}。</source>
        <translation>The restore did not finish: {error}
The previous data are saved in {folder}.</translation>
    </message>
    <message>
        <source>未恢复：{error}
当前数据没有任何改动。</source>
        <translation>Not restored: {error}
The current data were not changed.</translation>
    </message>
    <message>
        <source>未恢复</source>
        <translation>Not restored</translation>
    </message>
    <message>
        <source>正在检查数据完整性，数据多时需要一两分钟……</source>
        <translation>Checking the data; with a lot of data this takes a minute or two…</translation>
    </message>
    <message>
        <source>数据库文件：完好</source>
        <translation>Database file: sound</translation>
    </message>
    <message>
        <source>数据库文件：发现损坏（{detail}）</source>
        <translation>Database file: damaged ({detail})</translation>
    </message>
    <message>
        <source>记录之间的引用：完好</source>
        <translation>Links between records: sound</translation>
    </message>
    <message>
        <source>记录之间的引用：{count} 处引用了不存在的记录</source>
        <translation>Links between records: {count} point to records that do not exist</translation>
    </message>
    <message>
        <source>审计记录：完好（{count} 条）</source>
        <translation>Audit records: sound ({count} records)</translation>
    </message>
    <message>
        <source>审计记录：断裂，{problem}</source>
        <translation>Audit records: broken, {problem}</translation>
    </message>
    <message>
        <source>结论：一切正常。</source>
        <translation>Result: everything is fine.</translation>
    </message>
    <message>
        <source>结论：发现问题。请暂停录入，联系技术支持，并考虑从最近的备份恢复。</source>
        <translation>Result: problems found. Please stop entering data, contact technical support and consider restoring the latest backup.</translation>
    </message>
</context>
<context>
    <name>DeclarationDialog</name>
    <message>
        <source>新申报（积分目录第 {version} 版）</source>
        <translation>New declaration (catalogue version {version})</translation>
    </message>
    <message>
        <source>登记申报</source>
        <translation>Record declaration</translation>
    </message>
    <message>
        <source>未入户</source>
        <translation>no household</translation>
    </message>
    <message>
        <source>{name}（{group}，{household}）</source>
        <translation>{name} ({group}, {household})</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>绿币</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>上限</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>{label}（自动申报）</source>
        <translation>{label} (declared automatically)</translation>
    </message>
    <message>
        <source>每天 {n} 次</source>
        <translation>{n} a day</translation>
    </message>
    <message>
        <source>每月 {n} 次</source>
        <translation>{n} a month</translation>
    </message>
    <message>
        <source>，</source>
        <translation>, </translation>
    </message>
    <message>
        <source>不限</source>
        <translation>none</translation>
    </message>
    <message>
        <source>「{label}」{coins:+d} 绿币；上限：{limits}。</source>
        <translation>“{label}”: {coins:+d} coins; limits: {limits}.</translation>
    </message>
    <message>
        <source>扣分项是拟扣分，同样须经村、镇两级审核后才记入。</source>
        <translation> A deduction is a proposal: it is recorded only after both the village and the town approve it.</translation>
    </message>
    <message>
        <source>经村、镇两级审核通过后记入积分。</source>
        <translation> Credited once both the village and the town approve it.</translation>
    </message>
    <message>
        <source>选择佐证材料</source>
        <translation>Choose evidence</translation>
    </message>
    <message>
        <source>照片、PDF 或文档 ({types});;所有文件 (*)</source>
        <translation>Photos, PDFs or documents ({types});;All files (*)</translation>
    </message>
    <message>
        <source>请从列表中选择居民（可输入姓名查找）</source>
        <translation>Choose a resident from the list (type a name to search)</translation>
    </message>
    <message>
        <source>请在积分目录中选择申报项目</source>
        <translation>Choose an item of the catalogue</translation>
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
    <name>DeviceTasksTab</name>
    <message>
        <source>只看待处理(&amp;O)</source>
        <translation>&amp;Open ones only</translation>
    </message>
    <message>
        <source>手环离线、电量低、被摘下时区里开出任务：上门看过后在这里写明处理情况。</source>
        <translation>The district opens a task when a bracelet is offline, low on battery or taken off: after the visit, write down what was done.</translation>
    </message>
    <message>
        <source>佩戴人</source>
        <translation>Wearer</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>开出时间</source>
        <translation>Opened</translation>
    </message>
    <message>
        <source>手环号</source>
        <translation>Bracelet no.</translation>
    </message>
    <message>
        <source>原因和处理情况</source>
        <translation>Reason and what was done</translation>
    </message>
    <message>
        <source>处理完毕(&amp;C)…</source>
        <translation>&amp;Close…</translation>
    </message>
    <message>
        <source>{reason}；处理：{note}（{who}）</source>
        <translation>{reason}; done: {note} ({who})</translation>
    </message>
    <message>
        <source>待处理 {count} 项</source>
        <translation>{count} open</translation>
    </message>
    <message>
        <source>处理完毕：{kind}（{name}）</source>
        <translation>Close: {kind} ({name})</translation>
    </message>
    <message>
        <source>写明处理情况（必填），如：已换电池、已帮老人戴好、老人住院暂不佩戴。</source>
        <translation>Write what was done (required), e.g. new battery, bracelet put back on, wearer in hospital.</translation>
    </message>
    <message>
        <source>处理情况</source>
        <translation>What was done</translation>
    </message>
    <message>
        <source>处理完毕</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>已处理：{name}</source>
        <translation>Closed: {name}</translation>
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
    <name>DistrictSection</name>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>调委会</source>
        <translation>Committee</translation>
    </message>
    <message>
        <source>纠纷类型</source>
        <translation>Dispute type</translation>
    </message>
    <message>
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>上报至</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <source>接手</source>
        <translation>Taken over</translation>
    </message>
    <message>
        <source>收到时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>全部案件</source>
        <translation>All cases</translation>
    </message>
    <message>
        <source>上报到本镇、尚未接手的</source>
        <translation>Escalated to this town, not yet taken over</translation>
    </message>
    <message>
        <source>上报到本镇的（含已接手）</source>
        <translation>Escalated to this town (including taken over)</translation>
    </message>
    <message>
        <source>本镇（街道）各村的案件状态，来自区社会治理中心（只读，只含必要的字段，不含当事人信息）。上报到本镇的案件可由本镇接手：接手后，原调委会的电脑同步时会看到“镇里已接手”。</source>
        <translation>Case status in the villages of this town, from the district social governance centre (read-only: only the fields needed, no party details). Cases escalated to this town can be taken over by the town; after that, the original committee&apos;s PCs show “Taken over by the town” when they sync.</translation>
    </message>
    <message>
        <source>本调解委员会其他电脑登记的案件，来自区社会治理中心（只读，只含必要的字段，不含当事人信息）。本机自己的案件在「案件」页。</source>
        <translation>Cases registered on the other PCs of this mediation committee, from the district social governance centre (read-only: only the fields needed, no party details). The cases of this PC are on the “Cases” page.</translation>
    </message>
    <message>
        <source>区里的案件只有主任或记录员可以查看。</source>
        <translation>Only the director or a clerk can view the district&apos;s cases.</translation>
    </message>
    <message>
        <source>{town} {at}</source>
        <translation>{town} {at}</translation>
    </message>
    <message>
        <source>共 {count} 件</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <source>还没有收到区里的案件：登记并同步后显示在这里。</source>
        <translation>No cases from the district yet: cases appear here once they are registered and synced.</translation>
    </message>
    <message>
        <source>还没有收到区里的案件</source>
        <translation>No cases from the district yet</translation>
    </message>
    <message>
        <source>由本镇（街道）接手案件 {number}？

接手后由镇（街道）矛调中心继续办理，原村调委会的电脑同步后会显示“镇里已接手”。此操作不能撤销。</source>
        <translation>Take over case {number} for this town?

The town dispute resolution centre then carries on with it, and the original village committee&apos;s PCs show “Taken over by the town” after they sync. This cannot be undone.</translation>
    </message>
    <message>
        <source>接手上报的案件</source>
        <translation>Take over an escalated case</translation>
    </message>
    <message>
        <source>正在接手……</source>
        <translation>Taking over…</translation>
    </message>
    <message>
        <source>工作台正在关闭，未接手</source>
        <translation>The desk is closing; not taken over</translation>
    </message>
    <message>
        <source>本镇已接手案件 {number}。</source>
        <translation>This town has taken over case {number}.</translation>
    </message>
    <message>
        <source>案件 {number} 已由本镇接手过，没有改动。</source>
        <translation>Case {number} was already taken over by this town; nothing changed.</translation>
    </message>
    <message>
        <source>未接手：{reason}</source>
        <translation>Not taken over: {reason}</translation>
    </message>
</context>
<context>
    <name>DocumentKind</name>
    <message>
        <source>人民调解申请书</source>
        <translation>People&apos;s Mediation Application</translation>
    </message>
    <message>
        <source>人民调解受理登记表</source>
        <translation>People&apos;s Mediation Intake Form</translation>
    </message>
    <message>
        <source>当事人权利义务告知书</source>
        <translation>Notice of the Parties&apos; Rights and Obligations</translation>
    </message>
    <message>
        <source>人民调解记录</source>
        <translation>People&apos;s Mediation Record</translation>
    </message>
    <message>
        <source>人民调解协议书</source>
        <translation>People&apos;s Mediation Agreement</translation>
    </message>
    <message>
        <source>口头调解协议登记表</source>
        <translation>Oral Mediation Agreement Form</translation>
    </message>
    <message>
        <source>人民调解回访记录</source>
        <translation>People&apos;s Mediation Follow-up Visit Record</translation>
    </message>
    <message>
        <source>司法确认申请书</source>
        <translation>Application for Judicial Confirmation</translation>
    </message>
    <message>
        <source>终止调解告知书</source>
        <translation>Notice of Termination of Mediation</translation>
    </message>
    <message>
        <source>人民调解卷宗</source>
        <translation>People&apos;s Mediation Case File</translation>
    </message>
    <message>
        <source>只有依申请受理的案件才有申请书；其他来源的案件请打印受理登记表</source>
        <translation>Only cases taken in on application have an application; for cases from other sources please print the intake form</translation>
    </message>
    <message>
        <source>受理后即可生成</source>
        <translation>Can be generated once the case is accepted</translation>
    </message>
    <message>
        <source>有调解记录后才能生成</source>
        <translation>Can be generated once there is a session record</translation>
    </message>
    <message>
        <source>登记书面调解协议后才能生成</source>
        <translation>Can be generated once a written mediation agreement is recorded</translation>
    </message>
    <message>
        <source>登记口头调解协议后才能生成</source>
        <translation>Can be generated once an oral mediation agreement is recorded</translation>
    </message>
    <message>
        <source>有回访记录后才能生成</source>
        <translation>Can be generated once there is a follow-up visit record</translation>
    </message>
    <message>
        <source>书面调解协议签字生效后 30 日内才能生成（人民调解法第三十三条）</source>
        <translation>Can be generated only within 30 days after the written mediation agreement is signed and takes effect (People&apos;s Mediation Law, Art. 33)</translation>
    </message>
    <message>
        <source>终止调解后才能生成，每位当事人一份（人民调解法第二十六条）</source>
        <translation>Available once mediation has been terminated; one notice for each party (People&apos;s Mediation Law art. 26)</translation>
    </message>
    <message>
        <source>案件办结（结案、终止调解、不予调解或上报）后才能立卷</source>
        <translation>The case file can be made only after the case is concluded (closed, mediation ended, declined or escalated)</translation>
    </message>
</context>
<context>
    <name>DocumentsDialog</name>
    <message>
        <source>当事人签字用</source>
        <translation>For the parties to sign</translation>
    </message>
    <message>
        <source>交当事人留存</source>
        <translation>Copy for the parties to keep</translation>
    </message>
    <message>
        <source>立卷归档</source>
        <translation>For the case file</translation>
    </message>
    <message>
        <source>申请司法确认</source>
        <translation>To apply for judicial confirmation</translation>
    </message>
    <message>
        <source>当事人申请复制</source>
        <translation>Copy requested by a party</translation>
    </message>
    <message>
        <source>文书 — {number}</source>
        <translation>Documents — {number}</translation>
    </message>
    <message>
        <source>{number}&#x3000;文书</source>
        <translation>{number}  Documents</translation>
    </message>
    <message>
        <source>如：当事人签字用</source>
        <translation>e.g. For the parties to sign</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在读取本案可生成的文书……</source>
        <translation>Loading the documents this case can have…</translation>
    </message>
    <message>
        <source>{name}（暂不能生成）</source>
        <translation>{name} (not available yet)</translation>
    </message>
    <message>
        <source>本案现在还没有可生成的文书</source>
        <translation>No documents can be generated for this case yet</translation>
    </message>
    <message>
        <source>不能读取本案的文书：{reason}</source>
        <translation>Cannot load the documents of this case: {reason}</translation>
    </message>
    <message>
        <source>正在生成《{name}》……</source>
        <translation>Generating “{name}”…</translation>
    </message>
    <message>
        <source>{number}&#x3000;{name}</source>
        <translation>{number}  {name}</translation>
    </message>
    <message>
        <source>已生成《{name}》，共 {pages} 页。请核对无误后打印或保存。</source>
        <translation>Generated “{name}”, {pages} pages. Please check it before printing or saving.</translation>
    </message>
    <message>
        <source>请按提示修改后再生成。</source>
        <translation>Please correct as shown and generate again.</translation>
    </message>
    <message>
        <source>未能生成文书：</source>
        <translation>Could not generate the document:</translation>
    </message>
    <message>
        <source>打印{name}</source>
        <translation>Print {name}</translation>
    </message>
    <message>
        <source>正在打印……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>正在打印：第 {done} 页，共 {total} 页……</source>
        <translation>Printing: page {done} of {total}…</translation>
    </message>
    <message>
        <source>未能打印：{reason}</source>
        <translation>Could not print: {reason}</translation>
    </message>
    <message>
        <source>已送往打印机，共 {pages} 页。正在登记打印……</source>
        <translation>Sent to the printer, {pages} pages. Recording the printing…</translation>
    </message>
    <message>
        <source>已送往打印机，共 {pages} 页，打印已记入审计日志。</source>
        <translation>Sent to the printer, {pages} pages; the printing is written to the audit log.</translation>
    </message>
    <message>
        <source>请各方当事人签名、盖章或按指印，调解员签名并加盖调解委员会印章，再按「登记签字」登记；登记后协议才生效（人民调解法第二十九条）。</source>
        <translation>Ask every party to sign, seal or put a fingerprint on it, and the mediator to sign it and add the mediation committee&apos;s seal; then press “Record signatures”. The agreement takes effect only once this is recorded (People&apos;s Mediation Law, Art. 29).</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存到：{path}
保存已记入审计日志。</source>
        <translation>Saved to: {path}
The saving is written to the audit log.</translation>
    </message>
    <message>
        <source>未能保存：{reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
    <message>
        <source>未能登记：{reason}</source>
        <translation>Could not record: {reason}</translation>
    </message>
    <message>
        <source>可以生成。</source>
        <translation>Can be generated.</translation>
    </message>
    <message>
        <source>暂不能生成：{why}</source>
        <translation>Not available yet: {why}</translation>
    </message>
    <message>
        <source>工作台已锁定，文书预览已关闭。</source>
        <translation>The desk is locked; the document preview was closed.</translation>
    </message>
    <message>
        <source>正在打印，请等打印完成后再关闭。</source>
        <translation>Printing; please wait until it is done before closing.</translation>
    </message>
    <message>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>文书种类(&amp;K)：</source>
        <translation>Document &amp;kind:</translation>
    </message>
    <message>
        <source>生成理由(&amp;R)：</source>
        <translation>&amp;Reason for generating:</translation>
    </message>
    <message>
        <source>文书印有当事人完整的证件号码，生成须说明理由，理由记入审计日志</source>
        <translation>Documents carry the parties&apos; full ID numbers, so generating one needs a reason; it is written to the audit log</translation>
    </message>
    <message>
        <source>生成(&amp;G)</source>
        <translation>&amp;Generate</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
    <message>
        <source>登记签字(&amp;Q)…</source>
        <translation>Record s&amp;ignatures…</translation>
    </message>
    <message>
        <source>各方当事人、调解员签字并加盖调解委员会印章后，在此登记，协议生效（人民调解法第二十九条）</source>
        <translation>When all parties and the mediator have signed and the mediation committee&apos;s seal is added, record it here; the agreement then takes effect (People&apos;s Mediation Law, Art. 29)</translation>
    </message>
</context>
<context>
    <name>ElderModeCheck</name>
    <message>
        <source>大字模式（适老化）(&amp;E)</source>
        <translation>Large text for older eyes (&amp;E)</translation>
    </message>
    <message>
        <source>字更大，按钮更大，立即生效</source>
        <translation>Larger text and buttons, at once</translation>
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
    <name>FiguresTab</name>
    <message>
        <source>最近(&amp;M)</source>
        <translation>Last (&amp;M)</translation>
    </message>
    <message>
        <source>{n} 个月</source>
        <translation>{n} months</translation>
    </message>
    <message>
        <source>目标：60 秒内接警 97.5%，3 分钟内接警 99%。没人接的报警也算在内。</source>
        <translation>Targets: 97.5% answered within 60 s, 99% within 3 minutes. Alarms nobody answered count too.</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>报警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <source>已接警</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>60 秒内接警</source>
        <translation>Answered in 60 s</translation>
    </message>
    <message>
        <source>3 分钟内接警</source>
        <translation>Answered in 3 min</translation>
    </message>
    <message>
        <source>接警用时（中位）</source>
        <translation>Time to answer (median)</translation>
    </message>
    <message>
        <source>已处置</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>处置用时（中位）</source>
        <translation>Time to resolve (median)</translation>
    </message>
    <message>
        <source>{count}（{share}）</source>
        <translation>{count} ({share})</translation>
    </message>
    <message>
        <source> 未达标</source>
        <translation> below target</translation>
    </message>
    <message>
        <source>共 {count} 次报警</source>
        <translation>{count} alarms in all</translation>
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
    <name>FollowUpDialog</name>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>回访记录</source>
        <translation>Follow-up visit record</translation>
    </message>
    <message>
        <source>履行情况(&amp;P)：</source>
        <translation>&amp;Performance:</translation>
    </message>
    <message>
        <source>满意度(&amp;S)：</source>
        <translation>&amp;Satisfaction:</translation>
    </message>
    <message>
        <source>发现矛盾有反复的迹象(&amp;F)</source>
        <translation>Signs that the dispute may &amp;flare up again</translation>
    </message>
    <message>
        <source>回访人(&amp;V)：</source>
        <translation>&amp;Visited by:</translation>
    </message>
    <message>
        <source>回访情况(&amp;N)：</source>
        <translation>&amp;Notes on the visit:</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <source>近一年</source>
        <translation>In the past year</translation>
    </message>
    <message>
        <source>近 {days} 天</source>
        <translation>In the past {days} days</translation>
    </message>
    <message>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>应回访日期</source>
        <translation>Visit due on</translation>
    </message>
    <message>
        <source>逾期情况</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>案件状态</source>
        <translation>Case status</translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>承办调解员</source>
        <translation>Mediators in charge</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>回访时间</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <source>满意度</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>矛盾是否复发</source>
        <translation>Flared up again?</translation>
    </message>
    <message>
        <source>回访人</source>
        <translation>Visited by</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>待回访 {due} 件，其中逾期 {overdue} 件</source>
        <translation>{due} follow-up visits due, {overdue} of them overdue</translation>
    </message>
    <message>
        <source>待回访（最早的 {shown} 件，共 {count} 件，逾期的在前）</source>
        <translation>Due (earliest {shown} of {count}, overdue first)</translation>
    </message>
    <message>
        <source>待回访（{count}，逾期的在前）</source>
        <translation>Due ({count}, overdue first)</translation>
    </message>
    <message>
        <source>已回访（{count}）</source>
        <translation>Visited ({count})</translation>
    </message>
    <message>
        <source>目前没有需要回访的案件</source>
        <translation>No cases need a follow-up visit now</translation>
    </message>
    <message>
        <source>逾期 {days} 天</source>
        <translation>{days} days overdue</translation>
    </message>
    <message>
        <source>今天到期</source>
        <translation>Due today</translation>
    </message>
    <message>
        <source>还有 {days} 天</source>
        <translation>{days} days left</translation>
    </message>
    <message>
        <source>尚未安排回访：协议履行期限已到</source>
        <translation>No visit arranged yet: the agreement&apos;s performance deadline has come</translation>
    </message>
    <message>
        <source>尚未安排回访：协议达成已满一个月</source>
        <translation>No visit arranged yet: a month has passed since the agreement was reached</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>记录回访(&amp;R)…</source>
        <translation>&amp;Record follow-up visit…</translation>
    </message>
    <message>
        <source>打开所选案件，在案件页登记回访情况</source>
        <translation>Opens the chosen case; record the visit on the case page</translation>
    </message>
    <message>
        <source>待回访（逾期的在前）</source>
        <translation>Due (overdue first)</translation>
    </message>
    <message>
        <source>已回访</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>回访时间(&amp;T)：</source>
        <translation>Visi&amp;ted:</translation>
    </message>
</context>
<context>
    <name>FontSection</name>
    <message>
        <source>文书字体</source>
        <translation>Document fonts</translation>
    </message>
    <message>
        <source>选择额外字体文件…</source>
        <translation>Choose an extra font file…</translation>
    </message>
    <message>
        <source>不再使用额外字体</source>
        <translation>Stop using the extra font</translation>
    </message>
    <message>
        <source>内置字体可打印全部：{full}。部分：{partial}。</source>
        <translation>The bundled fonts print all of: {full}. Part of: {partial}.</translation>
    </message>
    <message>
        <source>额外字体：未设置。内置字体缺字时，可指定一个含该字的 TrueType 字体文件。</source>
        <translation>Extra font: none. When the bundled fonts lack a character, name a TrueType font file that has it.</translation>
    </message>
    <message>
        <source>额外字体：{path}（文件不存在或无法使用，未启用）</source>
        <translation>Extra font: {path} (missing or unusable, not in use)</translation>
    </message>
    <message>
        <source>额外字体：{path}（{count} 个字符）</source>
        <translation>Extra font: {path} ({count} characters)</translation>
    </message>
    <message>
        <source>选择额外字体文件</source>
        <translation>Choose an extra font file</translation>
    </message>
    <message>
        <source>TrueType 字体 (*.ttf *.ttc);;所有文件 (*)</source>
        <translation>TrueType fonts (*.ttf *.ttc);;All files (*)</translation>
    </message>
</context>
<context>
    <name>ForgotPasswordDialog</name>
    <message>
        <source>重设密码并登录</source>
        <translation>Reset password and log in</translation>
    </message>
    <message>
        <source>两次输入的新密码不一样</source>
        <translation>The two new passwords are not the same</translation>
    </message>
    <message>
        <source>忘记密码</source>
        <translation>Forgotten password</translation>
    </message>
    <message>
        <source>最简单的办法：请主任登录后，在「操作员」页为您重设密码（账号被锁定时也可以在那里解除锁定）。</source>
        <translation>The simplest way: ask the director to log in and reset your password on the Operators page (a locked account can be unlocked there too).</translation>
    </message>
    <message>
        <source>如果主任也无法登录，可以用设置时打印的恢复密钥，为任一账号设一个新密码并登录：</source>
        <translation>If the director cannot log in either, the recovery key printed at setup gives any account a new password and logs it in:</translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>恢复密钥(&amp;K)：</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>如 ABCD-EFGH-……，共 8 组</source>
        <translation>e.g. ABCD-EFGH-…, 8 groups</translation>
    </message>
    <message>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>再输一次新密码(&amp;A)：</source>
        <translation>New password &amp;again:</translation>
    </message>
</context>
<context>
    <name>GiftDialog</name>
    <message>
        <source>新增礼品</source>
        <translation>New gift</translation>
    </message>
    <message>
        <source>修改礼品</source>
        <translation>Edit gift</translation>
    </message>
    <message>
        <source>礼品</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>礼品名称(&amp;N)：</source>
        <translation>Gift &amp;name:</translation>
    </message>
    <message>
        <source>如：洗衣液 1 瓶</source>
        <translation>e.g. Laundry detergent, 1 bottle</translation>
    </message>
    <message>
        <source>所需绿币(&amp;P)：</source>
        <translation>&amp;Price:</translation>
    </message>
    <message>
        <source> 绿币</source>
        <translation> coins</translation>
    </message>
    <message>
        <source>首批入库(&amp;S)：</source>
        <translation>Initial &amp;stock:</translation>
    </message>
    <message>
        <source> 件</source>
        <translation> pcs</translation>
    </message>
    <message>
        <source>在架上，可以兑换(&amp;A)</source>
        <translation>On the shelf, &amp;available for redemption</translation>
    </message>
</context>
<context>
    <name>HealthNotesDialog</name>
    <message>
        <source>健康信息：{name}</source>
        <translation>Health notes: {name}</translation>
    </message>
    <message>
        <source>只记接警时用得上的情况（如心脏病、糖尿病、行动不便）。每次查看都会记录。</source>
        <translation>Only what helps when answering an alarm (heart disease, diabetes, walking difficulty). Every opening is logged.</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用说明(&amp;M)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>快捷键(&amp;K)</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>作用</source>
        <translation>Does</translation>
    </message>
    <message>
        <source>快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>保存（受理页等）</source>
        <translation>Save (intake and other forms)</translation>
    </message>
    <message>
        <source>回车 / 双击</source>
        <translation>Enter / double-click</translation>
    </message>
    <message>
        <source>打开列表中选中的案件</source>
        <translation>Open the case chosen in a list</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>移到下一栏 / 上一栏</source>
        <translation>Next field / previous field</translation>
    </message>
    <message>
        <source>Alt+带下划线的字母</source>
        <translation>Alt+underlined letter</translation>
    </message>
    <message>
        <source>选用该按钮或菜单</source>
        <translation>Press that button or open that menu</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>关闭对话框（不保存）</source>
        <translation>Close the dialog (without saving)</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>人民调解室工作台
版本 {version}

用于村（社区）人民调解委员会登记和办理人民调解案件。数据保存在本机，个人信息加密保存。

运行环境：Python {python}，Qt {qt}（PySide6 {pyside}），{system}</source>
        <translation>Mediation desk
Version {version}

For village and community people&apos;s mediation committees: records and handles their mediation cases. The data stays on this PC; personal data is encrypted.

Running on: Python {python}, Qt {qt} (PySide6 {pyside}), {system}</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>导入场所清单</source>
        <translation>Import a list of places</translation>
    </message>
    <message>
        <source>场所清单 (*.xlsx *.csv);;所有文件 (*)</source>
        <translation>Lists of places (*.xlsx *.csv);;All files (*)</translation>
    </message>
    <message>
        <source>正在读取「{file}」……</source>
        <translation>Reading “{file}”…</translation>
    </message>
    <message>
        <source>未导入：{reason}</source>
        <translation>Not imported: {reason}</translation>
    </message>
    <message>
        <source>已从「{file}」导入 {count} 个场所</source>
        <translation>Imported {count} places from “{file}”</translation>
    </message>
    <message>
        <source>，跳过有问题的 {skipped} 行</source>
        <translation>, skipped {skipped} rows with problems</translation>
    </message>
    <message>
        <source>；其中 {count} 个没有统一社会信用代码，按个体工商户标记</source>
        <translation>; {count} of them have no unified social credit code and are flagged as individual businesses</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>未导入：「{file}」有 {bad} 行有问题。</source>
        <translation>Not imported: “{file}” has {bad} rows with problems.</translation>
    </message>
    <message>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <source>将跳过有问题的 {bad} 行，只导入其余 {good} 行场所。
跳过的行不会导入，需改正后另行导入。确定吗？</source>
        <translation>The {bad} rows with problems will be skipped and only the other {good} rows imported.
Skipped rows are not imported; correct them and import them separately. Continue?</translation>
    </message>
    <message>
        <source>未导入任何场所。</source>
        <translation>No place was imported.</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>导入清单：有问题的行</source>
        <translation>Import: rows with problems</translation>
    </message>
    <message>
        <source>「{file}」共 {rows} 行，其中 {bad} 行有问题，尚未导入任何场所。
请改正文件后重新导入；或跳过有问题的行，只导入其余 {good} 行。</source>
        <translation>“{file}” has {rows} rows, {bad} of them with problems; no place has been imported yet.
Correct the file and import it again, or skip the rows with problems and import only the other {good} rows.</translation>
    </message>
    <message>
        <source>行号</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>（整行）</source>
        <translation>(whole row)</translation>
    </message>
    <message>
        <source>跳过有问题的 {bad} 行，导入其余 {good} 行(&amp;S)…</source>
        <translation>&amp;Skip the {bad} bad rows, import the other {good}…</translation>
    </message>
    <message>
        <source>不导入，先改文件(&amp;C)</source>
        <translation>Do not import; &amp;correct the file first</translation>
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
    <name>IssuesSection</name>
    <message>
        <source>发现时间</source>
        <translation>Found at</translation>
    </message>
    <message>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>区里的说法</source>
        <translation>What the district says</translation>
    </message>
    <message>
        <source>处理情况</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>同步问题只有主任或记录员可以查看和处理。</source>
        <translation>Only the director or a clerk can view and resolve sync problems.</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>Not yet resolved</translation>
    </message>
    <message>
        <source>{at} {who}：{choice}</source>
        <translation>{at} {who}: {choice}</translation>
    </message>
    <message>
        <source>所选问题</source>
        <translation>Selected problem</translation>
    </message>
    <message>
        <source>所选问题：{status}</source>
        <translation>Selected problem: {status}</translation>
    </message>
    <message>
        <source>（区里没有说明）</source>
        <translation>(the district gave no explanation)</translation>
    </message>
    <message>
        <source>（区里没有给出它的记录）</source>
        <translation>(the district gave no record of it)</translation>
    </message>
    <message>
        <source>已处理：{how}{note}</source>
        <translation>Resolved: {how}{note}</translation>
    </message>
    <message>
        <source>（说明：{note}）</source>
        <translation> (note: {note})</translation>
    </message>
    <message>
        <source>请选择处理方式</source>
        <translation>Please choose how to resolve it</translation>
    </message>
    <message>
        <source>选择「知悉并关闭」时须写明原因</source>
        <translation>Choosing “Note and close” needs a reason</translation>
    </message>
    <message>
        <source>对「{what}」选择「{choice}」？

{effect}</source>
        <translation>Choose “{choice}” for “{what}”?

{effect}</translation>
    </message>
    <message>
        <source>处理同步问题</source>
        <translation>Resolve sync problem</translation>
    </message>
    <message>
        <source>正在处理……</source>
        <translation>Resolving…</translation>
    </message>
    <message>
        <source>已处理：{what}（{choice}）</source>
        <translation>Resolved: {what} ({choice})</translation>
    </message>
    <message>
        <source>未处理：请按提示修改</source>
        <translation>Not resolved: please correct as shown</translation>
    </message>
    <message>
        <source>未处理：{reason}</source>
        <translation>Not resolved: {reason}</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>发现的问题（可不填）</source>
        <translation>What was found (optional)</translation>
    </message>
    <message>
        <source>隐患照片：{item}</source>
        <translation>Hazard photo: {item}</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>隐患描述</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>隐患照片</source>
        <translation>Hazard photo</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>正在查看本机的系统钥匙串……</source>
        <translation>Looking at this PC&apos;s keyring…</translation>
    </message>
    <message>
        <source>数据密钥放在哪里</source>
        <translation>Where the data key is kept</translation>
    </message>
    <message>
        <source>当事人的身份证号、电话和地址都用一把数据密钥加密。请选择是否把这把密钥存入本机的系统钥匙串。</source>
        <translation>The parties&apos; ID numbers, phones and addresses are encrypted with one data key. Choose whether this key is kept in this PC&apos;s keyring.</translation>
    </message>
    <message>
        <source>存入系统钥匙串(&amp;K)</source>
        <translation>&amp;Keep it in the keyring</translation>
    </message>
    <message>
        <source>在这台电脑上用同一个系统账号使用命令行（mediation-desk）时，不必输入密码就能打开个人信息。</source>
        <translation>The command line (mediation-desk), used on this PC under the same system account, opens the personal data without a password.</translation>
    </message>
    <message>
        <source>不存入，每次都输入密码(&amp;D)</source>
        <translation>&amp;Don&apos;t keep it: a password every time</translation>
    </message>
    <message>
        <source>更安全：别人即使用这台电脑的同一个系统账号，没有密码也打不开个人信息。命令行每次都要输入密码。</source>
        <translation>Safer: even someone using the same system account on this PC cannot open the personal data without a password. The command line asks for a password each time.</translation>
    </message>
    <message>
        <source>无论怎样选择，打开工作台窗口都要用用户名和密码登录；密钥和密码都不会写进任何文件。</source>
        <translation>Either way, the desk&apos;s window always asks for a username and password; neither the key nor a password is ever written to a file.</translation>
    </message>
</context>
<context>
    <name>KeyringBackend</name>
    <message>
        <source>Windows 凭据管理器</source>
        <translation>Windows Credential Manager</translation>
    </message>
    <message>
        <source>macOS 钥匙串</source>
        <translation>macOS Keychain</translation>
    </message>
    <message>
        <source>Secret Service（如 GNOME 密钥环）</source>
        <translation>Secret Service (e.g. GNOME Keyring)</translation>
    </message>
    <message>
        <source>libsecret（如 GNOME 密钥环）</source>
        <translation>libsecret (e.g. GNOME Keyring)</translation>
    </message>
    <message>
        <source>KDE 钱包（KWallet）</source>
        <translation>KDE Wallet (KWallet)</translation>
    </message>
    <message>
        <source>本机的系统钥匙串：{name}。</source>
        <translation>This PC&apos;s keyring: {name}.</translation>
    </message>
    <message>
        <source>本机没有安全的系统钥匙串（{name}），数据密钥不能存在这台电脑上：每次使用都要输入密码。</source>
        <translation>This PC has no secure keyring ({name}): the data key cannot be kept on it, and a password is needed every time.</translation>
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
        <source>这是演示工作台，可用这些演示账号登录：</source>
        <translation>This is a demo desk; log in with one of its demo accounts:</translation>
    </message>
    <message>
        <source>{username}（{role}）</source>
        <translation>{username} ({role})</translation>
    </message>
    <message>
        <source>密码都是：{password}</source>
        <translation>Password (the same for each): {password}</translation>
    </message>
    <message>
        <source>正在打开工作台，打开后立即核对密码……</source>
        <translation>Opening the desk; the password is checked as soon as it is open…</translation>
    </message>
    <message>
        <source>{reason}。
不想等：请主任在「操作员」页解除锁定；忘了密码：点「忘记密码」。</source>
        <translation>{reason}.
Not wanting to wait: ask the director to unlock the account on the Operators page; password forgotten: press “Forgot password”.</translation>
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
        <source>数据密钥放在哪里</source>
        <translation>Where the data key is kept</translation>
    </message>
    <message>
        <source>要把数据密钥存入本机的系统钥匙串（{name}）吗？
存入：在这台电脑上用同一个系统账号使用命令行时，不必输入密码就能打开个人信息。
不存入（更安全）：每次都要输入密码。
无论怎样选择，打开工作台窗口都要登录。</source>
        <translation>Keep the data key in this PC&apos;s keyring ({name})?
Kept: the command line, used on this PC under the same system account, opens the personal data without a password.
Not kept (safer): a password every time.
Either way, the desk&apos;s window always asks you to log in.</translation>
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
        <source>忘记密码(&amp;F)…</source>
        <translation>&amp;Forgot password…</translation>
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
        <source>调解员</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <source>回访</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>统计</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>平安绿币</source>
        <translation>Green coins</translation>
    </message>
    <message>
        <source>一单一码</source>
        <translation>Site codes</translation>
    </message>
    <message>
        <source>平安手环</source>
        <translation>Bracelets</translation>
    </message>
    <message>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operators</translation>
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
        <source>文书…</source>
        <translation>&amp;Documents…</translation>
    </message>
    <message>
        <source>核验协议书…</source>
        <translation>&amp;Verify an agreement…</translation>
    </message>
    <message>
        <source>修改我的密码(&amp;P)…</source>
        <translation>Change my &amp;password…</translation>
    </message>
    <message>
        <source>离开此页</source>
        <translation>leave this page</translation>
    </message>
    <message>
        <source>锁定</source>
        <translation>lock</translation>
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
        <source>退出</source>
        <translation>quit</translation>
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
    <name>MediatorDialog</name>
    <message>
        <source>（未填）</source>
        <translation>(not given)</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新增调解员</source>
        <translation>New mediator</translation>
    </message>
    <message>
        <source>修改调解员信息</source>
        <translation>Edit mediator</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>无法打开：{reason}</source>
        <translation>Cannot open: {reason}</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>未保存：请按提示修改后再保存。</source>
        <translation>Not saved: please correct as shown and save again.</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <source>姓名(&amp;A)：</source>
        <translation>N&amp;ame:</translation>
    </message>
    <message>
        <source>调解员姓名</source>
        <translation>Mediator&apos;s name</translation>
    </message>
    <message>
        <source>性别(&amp;G)：</source>
        <translation>&amp;Gender:</translation>
    </message>
    <message>
        <source>称谓(&amp;T)：</source>
        <translation>&amp;Title:</translation>
    </message>
    <message>
        <source>如 老娘舅、专职调解员</source>
        <translation>e.g. elder mediator (laoniangjiu), full-time mediator</translation>
    </message>
    <message>
        <source>联系电话(&amp;P)：</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>手机或固定电话，如 13905751234 或 0575-82123456</source>
        <translation>Mobile or landline, e.g. 13905751234 or 0575-82123456</translation>
    </message>
    <message>
        <source>负责片区(&amp;R)：</source>
        <translation>Area of &amp;responsibility:</translation>
    </message>
    <message>
        <source>村或网格，如 谢家塘村</source>
        <translation>Village or grid, e.g. Xiejiatang Village</translation>
    </message>
    <message>
        <source>擅长纠纷类型(&amp;S)：</source>
        <translation>&amp;Skilled in dispute types:</translation>
    </message>
    <message>
        <source>用空格键勾选或取消</source>
        <translation>Press Space to tick or untick</translation>
    </message>
    <message>
        <source>在办上限(&amp;M)：</source>
        <translation>&amp;Max. open cases:</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>No limit</translation>
    </message>
    <message>
        <source>同时在办的案件最多几件；0 表示不限</source>
        <translation>Most cases open at the same time; 0 means no limit</translation>
    </message>
    <message>
        <source>可以派单(&amp;V)</source>
        <translation>A&amp;vailable for assignment</translation>
    </message>
    <message>
        <source>在调解员名册中(&amp;C)</source>
        <translation>&amp;Currently on the roster</translation>
    </message>
    <message>
        <source>备注(&amp;O)：</source>
        <translation>N&amp;otes:</translation>
    </message>
</context>
<context>
    <name>MediatorsPage</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>称谓</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>擅长纠纷类型</source>
        <translation>Skilled in</translation>
    </message>
    <message>
        <source>负责片区</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>在办案件</source>
        <translation>Open cases</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>共 {count} 人，可派单 {available} 人</source>
        <translation>{count} mediators, {available} available for assignment</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>（未登记）</source>
        <translation>(none given)</translation>
    </message>
    <message>
        <source>{open} / {cap}</source>
        <translation>{open} / {cap}</translation>
    </message>
    <message>
        <source>已退出名册</source>
        <translation>Left the roster</translation>
    </message>
    <message>
        <source>暂不可用</source>
        <translation>Unavailable for now</translation>
    </message>
    <message>
        <source>已满额</source>
        <translation>Fully booked</translation>
    </message>
    <message>
        <source>可派单</source>
        <translation>Available</translation>
    </message>
    <message>
        <source>恢复可派单(&amp;U)</source>
        <translation>Make a&amp;vailable again</translation>
    </message>
    <message>
        <source>设为暂不可用(&amp;U)</source>
        <translation>Mark as &amp;unavailable</translation>
    </message>
    <message>
        <source>当前操作员（{role}）只能查看名册；新增和修改调解员请由{keepers}办理。</source>
        <translation>The current operator ({role}) can only view the roster; to add or change mediators, please ask the {keepers}.</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>已保存：{name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>{name} 已恢复可派单</source>
        <translation>{name} is available for assignment again</translation>
    </message>
    <message>
        <source>{name} 已设为暂不可用，派单时排在最后</source>
        <translation>{name} is marked unavailable for now and comes last when assigning</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>调解员名册</source>
        <translation>Mediator roster</translation>
    </message>
    <message>
        <source>显示已退出名册的调解员(&amp;I)</source>
        <translation>&amp;Include mediators who left the roster</translation>
    </message>
    <message>
        <source>新增调解员(&amp;N)…</source>
        <translation>&amp;New mediator…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
</context>
<context>
    <name>MonthEndTab</name>
    <message>
        <source>正在生成汇总表……</source>
        <translation>Producing the summary…</translation>
    </message>
    <message>
        <source>正在审定……</source>
        <translation>Signing off…</translation>
    </message>
    <message>
        <source>正在计算 {month} 的积分汇总……</source>
        <translation>Computing the summary of {month}…</translation>
    </message>
    <message>
        <source>未完成：{reason}</source>
        <translation>Not done: {reason}</translation>
    </message>
    <message>
        <source>{committee}&#x3000;{month} 平安绿币积分汇总表：{people} 人、{households} 户，本月积分记录 {entries} 条</source>
        <translation>{committee}  green-coin summary of {month}: {people} residents, {households} households, {entries} entries this month</translation>
    </message>
    <message>
        <source>与积分记录核对一致：本月结余合计 {closing} 绿币，积分记录截至 {last} 合计 {ledger} 绿币</source>
        <translation>Agrees with the ledger: closing total {closing} coins, ledger up to {last} {ledger} coins</translation>
    </message>
    <message>
        <source>与积分记录核对不一致：本月结余合计 {closing} 绿币，积分记录截至 {last} 合计 {ledger} 绿币，相差 {difference}。请查明原因，不能审定</source>
        <translation>Does NOT agree with the ledger: closing total {closing} coins, ledger up to {last} {ledger} coins, a difference of {difference}. Find out why; it cannot be signed off</translation>
    </message>
    <message>
        <source>已生成 {month} 积分汇总表，请主任核对后审定</source>
        <translation>The summary of {month} is produced; the director checks and signs it off</translation>
    </message>
    <message>
        <source>已审定 {month} 积分汇总表</source>
        <translation>The summary of {month} is signed off</translation>
    </message>
    <message>
        <source>尚未审定</source>
        <translation>Not signed off yet</translation>
    </message>
    <message>
        <source>已由 {who} 于 {at} 审定</source>
        <translation>Signed off by {who} at {at}</translation>
    </message>
    <message>
        <source>；审定后积分记录有变动，须重新生成汇总表并审定</source>
        <translation>; the ledger changed since: produce the summary again and sign it off</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>当前操作员（{role}）不能查看月末积分汇总，请由{keepers}办理。</source>
        <translation>The current operator ({role}) may not see the month-end summary; please ask the {keepers}.</translation>
    </message>
    <message>
        <source>汇总表生成后须由主任审定。</source>
        <translation>Once produced, the summary is signed off by the director.</translation>
    </message>
    <message>
        <source>审定积分汇总表</source>
        <translation>Sign off the summary</translation>
    </message>
    <message>
        <source>审定 {month} 积分汇总表：{people} 人，本月结余合计 {closing} 绿币，与积分记录核对一致。
审定记入审计日志，不能撤销；之后再有本月的积分记录，须重新生成并审定。
确定审定吗？</source>
        <translation>Sign off the summary of {month}: {people} residents, closing total {closing} coins, agreeing with the ledger.
The sign-off is written to the audit log and cannot be undone; a later entry of this month needs the summary produced and signed off again.
Sign it off?</translation>
    </message>
    <message>
        <source>绿币积分汇总表-{month}-按户.csv</source>
        <translation>green-coin-summary-{month}-households.csv</translation>
    </message>
    <message>
        <source>绿币积分汇总表-{month}-按居民.csv</source>
        <translation>green-coin-summary-{month}-residents.csv</translation>
    </message>
    <message>
        <source>CSV 文件（Excel 可打开） (*.csv)</source>
        <translation>CSV files (open in Excel) (*.csv)</translation>
    </message>
    <message>
        <source>绿币积分公示-{month}.pdf</source>
        <translation>green-coin-notice-{month}.pdf</translation>
    </message>
    <message>
        <source>绿币积分汇总表-{month}.pdf</source>
        <translation>green-coin-summary-{month}.pdf</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存：{path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>月份(&amp;M)：</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>上月(&amp;P)</source>
        <translation>&amp;Previous</translation>
    </message>
    <message>
        <source>如 2026-10</source>
        <translation>e.g. 2026-10</translation>
    </message>
    <message>
        <source>年-月，如 2026-10；按回车键计算</source>
        <translation>Year-month, e.g. 2026-10; press Enter to compute</translation>
    </message>
    <message>
        <source>下月(&amp;X)</source>
        <translation>Ne&amp;xt</translation>
    </message>
    <message>
        <source>计算汇总(&amp;C)</source>
        <translation>&amp;Compute</translation>
    </message>
    <message>
        <source>按居民(&amp;R)</source>
        <translation>By &amp;resident</translation>
    </message>
    <message>
        <source>按户(&amp;H)</source>
        <translation>By &amp;household</translation>
    </message>
    <message>
        <source>生成汇总表(&amp;G)</source>
        <translation>Produce summar&amp;y</translation>
    </message>
    <message>
        <source>记下本月的汇总数字和积分记录校验码，交主任审定</source>
        <translation>Record this month&apos;s figures and the ledger&apos;s check code, for the director to sign off</translation>
    </message>
    <message>
        <source>审定(&amp;S)…</source>
        <translation>&amp;Sign off…</translation>
    </message>
    <message>
        <source>导出 CSV(&amp;E)…</source>
        <translation>&amp;Export CSV…</translation>
    </message>
    <message>
        <source>保存当前显示的表（按居民或按户）为 CSV 文件，Excel 可直接打开；含居民全名</source>
        <translation>Save the table shown (by resident or by household) as a CSV file Excel opens; it holds full names</translation>
    </message>
    <message>
        <source>汇总表 PDF(&amp;D)…</source>
        <translation>Summary P&amp;DF…</translation>
    </message>
    <message>
        <source>积分汇总表（全名，供审核签字），保存为 PDF 文件</source>
        <translation>The summary (full names, for review and signing), saved as a PDF file</translation>
    </message>
    <message>
        <source>公示 PDF(&amp;N)…</source>
        <translation>&amp;Notice PDF…</translation>
    </message>
    <message>
        <source>张贴公示用（姓名只显示姓和末字，如 王*芳），保存为 PDF 文件</source>
        <translation>For posting in public (names masked, e.g. 王*芳), saved as a PDF file</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <source>迁户：{name}</source>
        <translation>Move household: {name}</translation>
    </message>
    <message>
        <source>{name} 现在所在的户：{household}</source>
        <translation>{name} now belongs to: {household}</translation>
    </message>
    <message>
        <source>（未入户）</source>
        <translation>(no household)</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>{label}（{group}）</source>
        <translation>{label} ({group})</translation>
    </message>
    <message>
        <source>迁户</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>请选择迁入的户</source>
        <translation>Choose the household to move to</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>（不关联）</source>
        <translation>(not linked)</translation>
    </message>
    <message>
        <source>{name}（已有账号）</source>
        <translation>{name} (has an account)</translation>
    </message>
    <message>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>只有调解员的账号需要关联名册。</source>
        <translation>Only a mediator&apos;s account is linked to the roster.</translation>
    </message>
    <message>
        <source>名册中还没有调解员：请先在「调解员」页添加本人，再为其开账号。</source>
        <translation>The roster has no mediators yet: add the person on the Mediators page first, then open their account.</translation>
    </message>
    <message>
        <source>关联名册中的本人后，这个账号只能看到本人承办的案件；不关联则看不到任何案件。</source>
        <translation>Linked to the person on the roster, this account sees the cases that person handles; not linked, it sees no case.</translation>
    </message>
    <message>
        <source>新增操作员</source>
        <translation>New operator</translation>
    </message>
    <message>
        <source>用户名(&amp;U)：</source>
        <translation>&amp;Username:</translation>
    </message>
    <message>
        <source>姓名(&amp;M)：</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>角色(&amp;R)：</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>名册中的调解员(&amp;L)：</source>
        <translation>&amp;Linked mediator:</translation>
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
    <name>OperatorDialogs</name>
    <message>
        <source>两次输入的密码不一样</source>
        <translation>The two passwords are not the same</translation>
    </message>
</context>
<context>
    <name>OperatorsPage</name>
    <message>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>名册中的调解员</source>
        <translation>Linked mediator</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <source>无法读取操作员：{reason}</source>
        <translation>Cannot read the operators: {reason}</translation>
    </message>
    <message>
        <source>（记录已不在）</source>
        <translation>(record gone)</translation>
    </message>
    <message>
        <source>共 {count} 个账号，在用 {in_use} 个</source>
        <translation>{count} accounts, {in_use} in use</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Retired</translation>
    </message>
    <message>
        <source>已锁定（输错密码过多），{minutes} 分钟后自动解除</source>
        <translation>Locked (too many wrong passwords), unlocks by itself in {minutes} min</translation>
    </message>
    <message>
        <source>在用（最近输错密码 {count} 次）</source>
        <translation>In use ({count} wrong passwords lately)</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>In use</translation>
    </message>
    <message>
        <source>恢复启用(&amp;D)</source>
        <translation>Bring bac&amp;k</translation>
    </message>
    <message>
        <source>停用账号(&amp;D)…</source>
        <translation>Retire accoun&amp;t…</translation>
    </message>
    <message>
        <source>操作员账号由{keepers}管理：当前操作员（{role}）只能在这里修改自己的密码。</source>
        <translation>Operator accounts are managed by the {keepers}: the current operator ({role}) can only change their own password here.</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>已添加账号：{username}</source>
        <translation>Account added: {username}</translation>
    </message>
    <message>
        <source>已为「{name}」重设密码，账号可以登录了。</source>
        <translation>Password reset for “{name}”; the account can log in.</translation>
    </message>
    <message>
        <source>您的密码已修改，下次登录请用新密码。</source>
        <translation>Your password is changed; use the new one next time you log in.</translation>
    </message>
    <message>
        <source>已解除「{name}」的锁定，可以重新输入密码登录了。</source>
        <translation>“{name}” is unlocked and may try the password again.</translation>
    </message>
    <message>
        <source>停用账号</source>
        <translation>Retire account</translation>
    </message>
    <message>
        <source>停用「{name}（{username}）」的账号吗？
停用后此人不能再登录；账号和经手的记录都保留，以后可以恢复启用。</source>
        <translation>Retire the account of “{name} ({username})”?
They can no longer log in; the account and the records they made are kept, and it can be brought back later.</translation>
    </message>
    <message>
        <source>已停用「{name}」的账号。</source>
        <translation>The account of “{name}” is retired.</translation>
    </message>
    <message>
        <source>已恢复启用「{name}」的账号。</source>
        <translation>The account of “{name}” is back in use.</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>操作员账号</source>
        <translation>Operator accounts</translation>
    </message>
    <message>
        <source>每位记录员和调解员用自己的账号登录。调解员的账号关联名册中的本人后，只能看到自己承办的案件。</source>
        <translation>Each clerk and mediator logs in with an account of their own. A mediator&apos;s account linked to the person on the roster sees only the cases they handle.</translation>
    </message>
    <message>
        <source>新增操作员(&amp;N)…</source>
        <translation>&amp;New operator…</translation>
    </message>
    <message>
        <source>重设密码(&amp;R)…</source>
        <translation>&amp;Reset password…</translation>
    </message>
    <message>
        <source>解除锁定(&amp;L)</source>
        <translation>Un&amp;lock</translation>
    </message>
    <message>
        <source>修改我的密码(&amp;P)…</source>
        <translation>Change my &amp;password…</translation>
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
        <source>{chars}无法打印：文书字体中没有这个字。请核对录入；确为生僻字的，请在「设置」中指定含这个字的额外字体，否则文书和协议签字都会被拒绝</source>
        <translation>{chars} cannot be printed: the document fonts have no glyph for it. Check the typing; if it is a rare character, name an extra font that has it under Settings, or the documents and the signing of the agreement will be refused</translation>
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
    <name>PasswordDialog</name>
    <message>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <source>{name}，请输入原密码和新密码（至少 {length} 位）。</source>
        <translation>{name}, type your current password and a new one (at least {length} characters).</translation>
    </message>
    <message>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>为「{name}（{username}）」设一个新密码（至少 {length} 位），账号若被锁定也一并解除。请当面告诉本人，并请本人登录后在「修改我的密码」里换成只有自己知道的密码。</source>
        <translation>Set a new password (at least {length} characters) for “{name} ({username})”; a lockout is lifted with it. Tell them in person, and ask them to change it to one only they know under “Change my password” once logged in.</translation>
    </message>
    <message>
        <source>保存新密码</source>
        <translation>Save new password</translation>
    </message>
    <message>
        <source>确定为「{username}」重设密码吗？原来的密码将不能再用。</source>
        <translation>Reset the password of “{username}”? The old password will no longer work.</translation>
    </message>
    <message>
        <source>修改密码</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>原密码(&amp;O)：</source>
        <translation>&amp;Old password:</translation>
    </message>
    <message>
        <source>新密码(&amp;N)：</source>
        <translation>&amp;New password:</translation>
    </message>
    <message>
        <source>再输一次新密码(&amp;A)：</source>
        <translation>New password &amp;again:</translation>
    </message>
</context>
<context>
    <name>PdfDialog</name>
    <message>
        <source>文件夹不存在</source>
        <translation>The folder does not exist</translation>
    </message>
    <message>
        <source>没有在这里写文件的权限</source>
        <translation>No permission to write files here</translation>
    </message>
    <message>
        <source>磁盘空间不足</source>
        <translation>Not enough disk space</translation>
    </message>
    <message>
        <source>这个位置只能读、不能写（如光盘或写保护的 U 盘）</source>
        <translation>This place can only be read, not written (e.g. a CD or a write-protected USB stick)</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>共 {pages} 页。请核对无误后打印或保存。</source>
        <translation>{pages} pages. Please check it before printing or saving.</translation>
    </message>
    <message>
        <source>打印{title}</source>
        <translation>Print {title}</translation>
    </message>
    <message>
        <source>正在打印……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>正在打印：第 {done} 页，共 {total} 页……</source>
        <translation>Printing: page {done} of {total}…</translation>
    </message>
    <message>
        <source>未能打印：{reason}</source>
        <translation>Could not print: {reason}</translation>
    </message>
    <message>
        <source>已送往打印机，共 {pages} 页。</source>
        <translation>Sent to the printer, {pages} pages.</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存到：{path}</source>
        <translation>Saved to: {path}</translation>
    </message>
    <message>
        <source>未能保存：{reason}</source>
        <translation>Could not save: {reason}</translation>
    </message>
    <message>
        <source>正在打印，请等打印完成后再关闭。</source>
        <translation>Printing; please wait until it is done before closing.</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>另存为 PDF(&amp;S)…</source>
        <translation>&amp;Save as PDF…</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>适合页宽</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>整页</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>第 {page} 页，共 {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <source>尚未生成文书。选择文书种类、填写生成理由后按「生成」，文书就显示在这里。</source>
        <translation>No document generated yet. Choose the document kind, give the reason for generating and press “Generate”; the document then appears here.</translation>
    </message>
    <message>
        <source>上一页(&amp;U)</source>
        <translation>Previo&amp;us page</translation>
    </message>
    <message>
        <source>下一页(&amp;N)</source>
        <translation>&amp;Next page</translation>
    </message>
    <message>
        <source>转到第(&amp;T)</source>
        <translation>Go &amp;to page</translation>
    </message>
    <message>
        <source> 页</source>
        <translation>​</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>缩小（Ctrl+减号）</source>
        <translation>Zoom out (Ctrl+Minus)</translation>
    </message>
    <message>
        <source>显示比例</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>放大（Ctrl+加号）</source>
        <translation>Zoom in (Ctrl+Plus)</translation>
    </message>
</context>
<context>
    <name>PdfPrint</name>
    <message>
        <source>文书没有可打印的页面</source>
        <translation>The document has no pages to print</translation>
    </message>
    <message>
        <source>所选的页码范围内没有页面</source>
        <translation>There are no pages in the chosen page range</translation>
    </message>
    <message>
        <source>打印机无法开始打印，请检查打印机是否连接、是否有纸</source>
        <translation>The printer cannot start printing; please check that it is connected and has paper</translation>
    </message>
    <message>
        <source>第 {page} 页无法生成打印图像</source>
        <translation>Page {page} could not be turned into a print image</translation>
    </message>
    <message>
        <source>打印时发生意外错误，已记入日志</source>
        <translation>An unexpected error happened while printing; it was written to the log</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>选择照片…</source>
        <translation>Choose photo…</translation>
    </message>
    <message>
        <source>不附照片</source>
        <translation>No photo</translation>
    </message>
    <message>
        <source>（未附照片）</source>
        <translation>(no photo)</translation>
    </message>
    <message>
        <source>照片 (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic);;所有文件 (*)</source>
        <translation>Photos (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.heic);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PlaceDialog</name>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>在用（停用的场所不再按月自查，也不打印公示牌）</source>
        <translation>Active (an inactive place has no monthly self-inspection and no placard)</translation>
    </message>
    <message>
        <source>场所名称(&amp;M)</source>
        <translation>Na&amp;me of the place</translation>
    </message>
    <message>
        <source>类别(&amp;T)</source>
        <translation>Ca&amp;tegory</translation>
    </message>
    <message>
        <source>地址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>网格(&amp;G)</source>
        <translation>&amp;Grid</translation>
    </message>
    <message>
        <source>统一社会信用代码(&amp;U)</source>
        <translation>&amp;Unified social credit code</translation>
    </message>
    <message>
        <source>负责人(&amp;R)</source>
        <translation>&amp;Responsible person</translation>
    </message>
    <message>
        <source>联系电话(&amp;P)</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>18 位；个体工商户没有可不填</source>
        <translation>18 characters; an individual business without one may leave it empty</translation>
    </message>
    <message>
        <source>登记场所</source>
        <translation>Register a place</translation>
    </message>
    <message>
        <source>可不填；加密保存</source>
        <translation>Optional; stored encrypted</translation>
    </message>
    <message>
        <source>登记后自下个月起按月自查。电话加密保存，列表中只显示部分号码。</source>
        <translation>Monthly self-inspections are due from next month. The phone is stored encrypted; lists show only part of it.</translation>
    </message>
    <message>
        <source>修改场所：{name}</source>
        <translation>Edit place: {name}</translation>
    </message>
    <message>
        <source>不改请留空（现为 {phone}）</source>
        <translation>Leave empty to keep it (now {phone})</translation>
    </message>
    <message>
        <source>电话留空表示不改。</source>
        <translation>An empty phone keeps the one on record.</translation>
    </message>
</context>
<context>
    <name>PointsBalancesTab</name>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>余额</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>全户余额</source>
        <translation>Household balance</translation>
    </message>
    <message>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>正在读取……</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>共 {people} 人（{households} 户），余额合计 {total} 绿币</source>
        <translation>{people} residents ({households} households), {total} coins in all</translation>
    </message>
    <message>
        <source>只列出前 {shown} 人，请输入姓名查找</source>
        <translation>Only the first {shown} residents are listed; type a name to find others</translation>
    </message>
    <message>
        <source>没有找到居民</source>
        <translation>No resident found</translation>
    </message>
    <message>
        <source>{name}：两台电脑离线兑换了同一笔绿币，差额 {shortfall}，等待镇里处理</source>
        <translation>{name}: two computers redeemed the same coins while offline, short by {shortfall}; waiting for the town</translation>
    </message>
    <message>
        <source>另有 {more} 起兑换冲突等待镇里处理</source>
        <translation>{more} more redemption conflicts are waiting for the town</translation>
    </message>
    <message>
        <source>（未入户）</source>
        <translation>(no household)</translation>
    </message>
    <message>
        <source>兑换冲突，等待镇里处理</source>
        <translation>Redemption conflict, waiting for the town</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>查找居民(&amp;F)：</source>
        <translation>&amp;Find resident:</translation>
    </message>
    <message>
        <source>姓名、户名或村民小组，按回车键查找</source>
        <translation>Name, household or village group; press Enter to search</translation>
    </message>
    <message>
        <source>查找</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>居民绿币余额</source>
        <translation>Residents&apos; balances</translation>
    </message>
    <message>
        <source>积分明细</source>
        <translation>Statement</translation>
    </message>
    <message>
        <source>从第一笔记录起(&amp;A)</source>
        <translation>From the first entry (&amp;all)</translation>
    </message>
    <message>
        <source>自(&amp;B)：</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <source>至(&amp;U)：</source>
        <translation>&amp;Until:</translation>
    </message>
    <message>
        <source>查看明细(&amp;V)</source>
        <translation>&amp;View statement</translation>
    </message>
    <message>
        <source>打印或保存明细(&amp;P)…</source>
        <translation>&amp;Print or save statement…</translation>
    </message>
    <message>
        <source>生成这份积分明细的 PDF，预览后打印或另存为文件</source>
        <translation>Make this statement as a PDF, look at it, then print it or save it as a file</translation>
    </message>
    <message>
        <source>冲正所选记录(&amp;R)…</source>
        <translation>&amp;Reverse selected entry…</translation>
    </message>
</context>
<context>
    <name>PointsDeclarationDialog</name>
    <message>
        <source>新申报</source>
        <translation>New declaration</translation>
    </message>
    <message>
        <source>居民(&amp;W)：</source>
        <translation>Resident(&amp;W):</translation>
    </message>
    <message>
        <source>申报项目(&amp;I)：</source>
        <translation>Item(&amp;I):</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>绿币</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>上限</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>活动日期(&amp;D)：</source>
        <translation>Activity date(&amp;D):</translation>
    </message>
    <message>
        <source>说明(&amp;T)：</source>
        <translation>Note(&amp;T):</translation>
    </message>
    <message>
        <source>可不填，如 参加村口夜间巡防</source>
        <translation>Optional, e.g. night patrol at the village gate</translation>
    </message>
    <message>
        <source>佐证材料(&amp;E)：</source>
        <translation>Evidence(&amp;E):</translation>
    </message>
    <message>
        <source>照片或文件，可不附</source>
        <translation>A photo or file, optional</translation>
    </message>
    <message>
        <source>选择文件(&amp;F)…</source>
        <translation>Choose file(&amp;F)…</translation>
    </message>
    <message>
        <source>不附(&amp;C)</source>
        <translation>None(&amp;C)</translation>
    </message>
</context>
<context>
    <name>PointsDeclarationsTab</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>绿币</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>活动日期</source>
        <translation>Activity date</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>登记人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>说明和理由</source>
        <translation>Notes and reasons</translation>
    </message>
    <message>
        <source>无法读取：{reason}</source>
        <translation>Could not read: {reason}</translation>
    </message>
    <message>
        <source>共 {count} 条</source>
        <translation>{count} in all</translation>
    </message>
    <message>
        <source>{status}（待同步上报）</source>
        <translation>{status} (to be sent at the next sync)</translation>
    </message>
    <message>
        <source>{status}（结果随下次同步）</source>
        <translation>{status} (answer comes with a sync)</translation>
    </message>
    <message>
        <source>自动</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>佐证：{name}</source>
        <translation>evidence: {name}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>村里已通过，尚未同步上报：下次同步时送区平台由镇里审核。</source>
        <translation>Approved by the village, not sent yet: the next sync sends it to the district for the town to review.</translation>
    </message>
    <message>
        <source>已送区平台，等镇里审核：审核结果随下次同步回到本机，通过后才记入积分。</source>
        <translation>Sent to the district, waiting for the town: its answer comes back with a sync; coins are credited only once the town approves.</translation>
    </message>
    <message>
        <source>「待镇审核」的 {count} 条申报由镇里在区平台审核，审核结果随下次同步回到本机；镇里通过后才记入积分。</source>
        <translation>The {count} declarations waiting for the town are reviewed by the town through the district; the answers come back with a sync, and coins are credited only once the town approves.</translation>
    </message>
    <message>
        <source>其中 {count} 条尚未同步上报，下次同步时送出。</source>
        <translation> {count} of them are not sent yet: the next sync sends them.</translation>
    </message>
    <message>
        <source>当前操作员（{role}）可以登记申报；村级审核请由{reviewers}办理。</source>
        <translation>The operator ({role}) may record declarations; the village review is done by a {reviewers}.</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>还没有登记居民：请先在「居民和户」中登记。</source>
        <translation>No residents registered yet: register them under “Residents and households” first.</translation>
    </message>
    <message>
        <source>已登记申报：{name}「{item}」{coins:+d}，待村审核。</source>
        <translation>Declaration recorded: {name}, “{item}” {coins:+d}, waiting for the village review.</translation>
    </message>
    <message>
        <source>已通过村审核：{name}「{item}」{coins:+d}。镇里的审核结果随下次同步回到本机。</source>
        <translation>Approved by the village: {name}, “{item}” {coins:+d}. The town&apos;s answer comes back with a sync.</translation>
    </message>
    <message>
        <source>未通过村审核：{name}「{item}」。</source>
        <translation>Turned down by the village: {name}, “{item}”.</translation>
    </message>
    <message>
        <source>村审核通过 {name} 的申报「{item}」（{coins:+d} 绿币）？

通过后送镇里审核，不能撤销。</source>
        <translation>Approve {name}&apos;s declaration “{item}” ({coins:+d} coins) for the village?

It then goes to the town; this cannot be undone.</translation>
    </message>
    <message>
        <source>村审核通过</source>
        <translation>Village approval</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>村审核不通过</source>
        <translation>Turn down (village)</translation>
    </message>
    <message>
        <source>{name} 的申报「{item}」（{coins:+d} 绿币）不通过的理由：</source>
        <translation>Why {name}&apos;s declaration “{item}” ({coins:+d} coins) is turned down:</translation>
    </message>
    <message>
        <source>确定不通过这条申报？不通过后不能撤销。</source>
        <translation>Turn this declaration down? This cannot be undone.</translation>
    </message>
    <message>
        <source>显示(&amp;S)：</source>
        <translation>Show(&amp;S):</translation>
    </message>
    <message>
        <source>新申报(&amp;N)…</source>
        <translation>New declaration(&amp;N)…</translation>
    </message>
    <message>
        <source>村审核通过(&amp;A)</source>
        <translation>Approve(&amp;A)</translation>
    </message>
    <message>
        <source>不通过(&amp;R)…</source>
        <translation>Turn down(&amp;R)…</translation>
    </message>
    <message>
        <source>待镇审核的申报</source>
        <translation>Declarations waiting for the town</translation>
    </message>
    <message>
        <source>镇审核通过(&amp;A)</source>
        <translation>Approve for the town(&amp;A)</translation>
    </message>
    <message>
        <source>刷新(&amp;F)</source>
        <translation>Refresh(&amp;F)</translation>
    </message>
    <message>
        <source>兑换冲突</source>
        <translation>Redemption conflicts</translation>
    </message>
    <message>
        <source>处理(&amp;V)…</source>
        <translation>Settle(&amp;V)…</translation>
    </message>
</context>
<context>
    <name>PointsEntryKind</name>
    <message>
        <source>获得</source>
        <translation>Earned</translation>
    </message>
    <message>
        <source>扣减</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <source>兑换</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>冲正</source>
        <translation>Reversal</translation>
    </message>
    <message>
        <source>镇里调整</source>
        <translation>Town adjustment</translation>
    </message>
</context>
<context>
    <name>PointsHouseholdDialog</name>
    <message>
        <source>新增户</source>
        <translation>New household</translation>
    </message>
    <message>
        <source>户名(&amp;L)：</source>
        <translation>Household(&amp;L):</translation>
    </message>
    <message>
        <source>如 王建国户</source>
        <translation>e.g. Wang Jianguo&apos;s household</translation>
    </message>
    <message>
        <source>村民小组(&amp;G)：</source>
        <translation>Village group(&amp;G):</translation>
    </message>
</context>
<context>
    <name>PointsMoveDialog</name>
    <message>
        <source>迁户</source>
        <translation>Move household</translation>
    </message>
    <message>
        <source>迁入的户(&amp;H)：</source>
        <translation>New household(&amp;H):</translation>
    </message>
    <message>
        <source>迁入日期(&amp;D)：</source>
        <translation>Since(&amp;D):</translation>
    </message>
    <message>
        <source>迁户原因(&amp;R)：</source>
        <translation>Reason(&amp;R):</translation>
    </message>
    <message>
        <source>如 分户、婚嫁</source>
        <translation>e.g. a new household, marriage</translation>
    </message>
</context>
<context>
    <name>PointsPage</name>
    <message>
        <source>居民和户</source>
        <translation>Residents and households</translation>
    </message>
    <message>
        <source>申报和审核</source>
        <translation>Declarations and review</translation>
    </message>
    <message>
        <source>积分和明细</source>
        <translation>Balances and statements</translation>
    </message>
    <message>
        <source>月末汇总</source>
        <translation>Month end</translation>
    </message>
    <message>
        <source>绿币超市</source>
        <translation>Green-coin shop</translation>
    </message>
</context>
<context>
    <name>PointsResidentDialog</name>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>姓名(&amp;N)：</source>
        <translation>Name(&amp;N):</translation>
    </message>
    <message>
        <source>居民姓名</source>
        <translation>The resident&apos;s name</translation>
    </message>
    <message>
        <source>村民小组(&amp;G)：</source>
        <translation>Village group(&amp;G):</translation>
    </message>
    <message>
        <source>所在户(&amp;H)：</source>
        <translation>Household(&amp;H):</translation>
    </message>
    <message>
        <source>联系电话(&amp;P)：</source>
        <translation>Phone(&amp;P):</translation>
    </message>
    <message>
        <source>可不填；加密保存</source>
        <translation>Optional; stored encrypted</translation>
    </message>
    <message>
        <source>志愿调解员(&amp;M)：</source>
        <translation>Volunteer mediator(&amp;M):</translation>
    </message>
    <message>
        <source>在用（迁出或去世的居民取消勾选）(&amp;A)</source>
        <translation>Active (untick for a resident who moved away or died)(&amp;A)</translation>
    </message>
</context>
<context>
    <name>PointsResidentsTab</name>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>积分</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>户名</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>全户积分</source>
        <translation>Household coins</translation>
    </message>
    <message>
        <source>无法读取：{reason}</source>
        <translation>Could not read: {reason}</translation>
    </message>
    <message>
        <source>共 {count} 人</source>
        <translation>{count} residents</translation>
    </message>
    <message>
        <source>前 {count} 人（请输入姓名查找其他居民）</source>
        <translation>First {count} residents (type a name to find others)</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>active</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>{state}；兑换冲突待镇里处理</source>
        <translation>{state}; a redemption conflict waits for the town</translation>
    </message>
    <message>
        <source>（未入户）</source>
        <translation>(no household)</translation>
    </message>
    <message>
        <source>当前操作员（{role}）只能查看；登记和修改居民请由{keepers}办理。</source>
        <translation>The operator ({role}) may only look; residents are registered and changed by a {keepers}.</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>已登记：{name}</source>
        <translation>Registered: {name}</translation>
    </message>
    <message>
        <source>已保存：{name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>{name} 已迁入「{household}」</source>
        <translation>{name} moved to “{household}”</translation>
    </message>
    <message>
        <source>已新增户：{label}</source>
        <translation>Household added: {label}</translation>
    </message>
    <message>
        <source>查找(&amp;F)：</source>
        <translation>Find(&amp;F):</translation>
    </message>
    <message>
        <source>姓名、户名或电话</source>
        <translation>Name, household or phone</translation>
    </message>
    <message>
        <source>户(&amp;H)：</source>
        <translation>Household(&amp;H):</translation>
    </message>
    <message>
        <source>新增户(&amp;U)…</source>
        <translation>New household(&amp;U)…</translation>
    </message>
    <message>
        <source>登记居民(&amp;N)…</source>
        <translation>Register resident(&amp;N)…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>Edit(&amp;E)…</translation>
    </message>
    <message>
        <source>迁户(&amp;M)…</source>
        <translation>Move household(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>PointsResolveDialog</name>
    <message>
        <source>处理兑换冲突</source>
        <translation>Settle a redemption conflict</translation>
    </message>
    <message>
        <source>处理方式(&amp;W)：</source>
        <translation>Settlement(&amp;W):</translation>
    </message>
    <message>
        <source>理由(&amp;R)：</source>
        <translation>Reason(&amp;R):</translation>
    </message>
</context>
<context>
    <name>PointsStatus</name>
    <message>
        <source>待村审核</source>
        <translation>Waiting for the village</translation>
    </message>
    <message>
        <source>待镇审核</source>
        <translation>Waiting for the town</translation>
    </message>
    <message>
        <source>村审核未通过</source>
        <translation>Turned down by the village</translation>
    </message>
    <message>
        <source>已通过，已记分</source>
        <translation>Approved, credited</translation>
    </message>
    <message>
        <source>镇审核未通过</source>
        <translation>Turned down by the town</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>说明理由</source>
        <translation>Give a reason</translation>
    </message>
    <message>
        <source>理由(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>数据密钥已存入本机的系统钥匙串：在这台电脑上用同一个系统账号使用命令行时不必输入密码。</source>
        <translation>The data key is kept in this PC&apos;s keyring: the command line, used on this PC under the same system account, needs no password.</translation>
    </message>
    <message>
        <source>系统钥匙串没有接受数据密钥，密钥没有存在这台电脑上：每次使用都要输入密码。</source>
        <translation>The keyring refused the data key, so it is not kept on this PC: a password is needed every time.</translation>
    </message>
    <message>
        <source>数据密钥没有存在这台电脑上：每次使用（包括命令行）都要输入密码。</source>
        <translation>The data key is not kept on this PC: a password is needed every time (the command line too).</translation>
    </message>
    <message>
        <source>已复制</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>正在准备打印……</source>
        <translation>Preparing to print…</translation>
    </message>
    <message>
        <source>恢复密钥</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>打印恢复密钥</source>
        <translation>Print the recovery key</translation>
    </message>
    <message>
        <source>未能打印：{reason}</source>
        <translation>Not printed: {reason}</translation>
    </message>
    <message>
        <source>已送往打印机。请取回打印好的恢复密钥，锁好保管。</source>
        <translation>Sent to the printer. Collect the printed recovery key and lock it away.</translation>
    </message>
    <message>
        <source>正在打印……</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>正在打印，请等打印完成后再关闭。</source>
        <translation>Printing: please wait until it has finished before closing.</translation>
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
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
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
    <name>RectifyDialog</name>
    <message>
        <source>登记整改：{place}</source>
        <translation>Record rectification: {place}</translation>
    </message>
    <message>
        <source>隐患：{item}
{description}发现于 {found}，整改期限 {deadline}{overdue}</source>
        <translation>Hazard: {item}
{description}Found on {found}, deadline {deadline}{overdue}</translation>
    </message>
    <message>
        <source>（已超期）</source>
        <translation> (overdue)</translation>
    </message>
    <message>
        <source>整改了什么、怎样整改的</source>
        <translation>What was rectified, and how</translation>
    </message>
    <message>
        <source>到场复查的人员姓名</source>
        <translation>Name of the person who checked it on site</translation>
    </message>
    <message>
        <source>整改照片</source>
        <translation>Rectification photo</translation>
    </message>
    <message>
        <source>整改情况(&amp;N)</source>
        <translation>Rectification &amp;note</translation>
    </message>
    <message>
        <source>复查人(&amp;C)</source>
        <translation>&amp;Checked by</translation>
    </message>
    <message>
        <source>登记整改</source>
        <translation>Record rectification</translation>
    </message>
    <message>
        <source>登记「{place}」的隐患「{item}」已整改，复查人 {who}。
登记后不能撤销。确定吗？</source>
        <translation>Record the hazard “{item}” of “{place}” as rectified, checked by {who}.
This cannot be undone. Continue?</translation>
    </message>
</context>
<context>
    <name>RedeemSection</name>
    <message>
        <source>{name}（{price} 绿币，库存 {stock}）</source>
        <translation>{name} ({price} coins, {stock} in stock)</translation>
    </message>
    <message>
        <source>当前操作员不能办理兑换</source>
        <translation>The current operator may not redeem</translation>
    </message>
    <message>
        <source>余额 {balance} 绿币</source>
        <translation>Balance {balance} coins</translation>
    </message>
    <message>
        <source>余额 {balance} 绿币，需要 {cost} 绿币，兑换后余 {after} 绿币</source>
        <translation>Balance {balance} coins, cost {cost} coins, {after} coins left after</translation>
    </message>
    <message>
        <source>
这位居民有兑换冲突等待镇里处理</source>
        <translation>
This resident has a redemption conflict waiting for the town</translation>
    </message>
    <message>
        <source>请输入居民姓名或户名再查找</source>
        <translation>Type the resident&apos;s name or household, then search</translation>
    </message>
    <message>
        <source>，已停用</source>
        <translation>, inactive</translation>
    </message>
    <message>
        <source>{name}（{group}{state}）余额 {balance}</source>
        <translation>{name} ({group}{state}) balance {balance}</translation>
    </message>
    <message>
        <source>没有找到这位居民</source>
        <translation>No such resident found</translation>
    </message>
    <message>
        <source>请先查找并选择居民</source>
        <translation>Find and choose the resident first</translation>
    </message>
    <message>
        <source>这位居民已停用，不能兑换</source>
        <translation>This resident is inactive and cannot redeem</translation>
    </message>
    <message>
        <source>请选择礼品</source>
        <translation>Choose a gift</translation>
    </message>
    <message>
        <source>「{gift}」库存不足：现有 {stock} 件，需要 {quantity} 件</source>
        <translation>Not enough “{gift}” in stock: {stock} there, {quantity} needed</translation>
    </message>
    <message>
        <source>为 {name} 兑换「{gift}」{quantity} 件，扣 {cost} 绿币，兑换后余 {after} 绿币。
确定兑换吗？</source>
        <translation>Redeem {quantity} × “{gift}” for {name}, taking {cost} coins and leaving {after}.
Redeem?</translation>
    </message>
    <message>
        <source>确认兑换</source>
        <translation>Confirm redemption</translation>
    </message>
    <message>
        <source>正在兑换……</source>
        <translation>Redeeming…</translation>
    </message>
    <message>
        <source>未兑换：请按提示修改后再兑换。</source>
        <translation>Not redeemed: please correct as shown and try again.</translation>
    </message>
    <message>
        <source>未兑换：{reason}</source>
        <translation>Not redeemed: {reason}</translation>
    </message>
    <message>
        <source>已兑换：收据号 {receipt}，{name} 领取「{gift}」{quantity} 件，余额 {after} 绿币。</source>
        <translation>Redeemed: receipt {receipt}, {name} received {quantity} × “{gift}”, balance {after} coins.</translation>
    </message>
    <message>
        <source>兑换凭证</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>兑换已完成。现在打印兑换凭证吗？</source>
        <translation>The redemption is done. Print the receipt now?</translation>
    </message>
    <message>
        <source>兑换凭证 {receipt}</source>
        <translation>Receipt {receipt}</translation>
    </message>
    <message>
        <source>兑换凭证-{receipt}.pdf</source>
        <translation>receipt-{receipt}.pdf</translation>
    </message>
    <message>
        <source>未能生成兑换凭证：{reason}</source>
        <translation>Could not make the receipt: {reason}</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <source>（暂不入户）</source>
        <translation>(no household yet)</translation>
    </message>
    <message>
        <source>{label}（{group}）</source>
        <translation>{label} ({group})</translation>
    </message>
    <message>
        <source>（不是志愿调解员）</source>
        <translation>(not a volunteer mediator)</translation>
    </message>
    <message>
        <source>登记居民</source>
        <translation>Register a resident</translation>
    </message>
    <message>
        <source>电话可不填；填写的电话加密保存，列表中只显示部分号码。</source>
        <translation>The phone is optional; it is stored encrypted and lists show part of it only.</translation>
    </message>
    <message>
        <source>修改居民信息：{name}</source>
        <translation>Edit resident: {name}</translation>
    </message>
    <message>
        <source>不改请留空（现为 {phone}）</source>
        <translation>Leave empty to keep it (now {phone})</translation>
    </message>
    <message>
        <source>可不填；加密保存</source>
        <translation>Optional; stored encrypted</translation>
    </message>
    <message>
        <source>换户请用「迁户」，原户的记录会保留。电话留空表示不改。</source>
        <translation>To change the household use “Move household”: the old one stays on record. An empty phone keeps the one on record.</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>处理</source>
        <translation>Settle</translation>
    </message>
    <message>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>按「{choice}」处理这个兑换冲突？处理后不能撤销。</source>
        <translation>Settle this redemption conflict as “{choice}”? This cannot be undone.</translation>
    </message>
</context>
<context>
    <name>RestockDialog</name>
    <message>
        <source>{name}：现有库存 {stock} 件</source>
        <translation>{name}: {stock} in stock</translation>
    </message>
    <message>
        <source>入库或报损</source>
        <translation>Restock or write off</translation>
    </message>
    <message>
        <source>数量(&amp;Q)：</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <source> 件</source>
        <translation> pcs</translation>
    </message>
    <message>
        <source>正数为入库；负数为报损出库（损坏、过期、遗失），不能超过现有库存</source>
        <translation>A positive number restocks; a negative one writes off (broken, expired, lost), at most the stock there is</translation>
    </message>
    <message>
        <source>原因(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>如：镇里配送第二批；包装破损报损</source>
        <translation>e.g. second delivery from the town; packaging damaged</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>冲正积分记录</source>
        <translation>Reverse a points entry</translation>
    </message>
    <message>
        <source>冲正 {date}「{kind}」{what} {coins} 绿币：另记一笔 {back} 绿币的冲正记录，原记录保留。请写明冲正理由（记入审计日志）。</source>
        <translation>Reverse the entry of {date} “{kind}” {what}, {coins} coins: a reversing entry of {back} coins is added and the original entry stays. Please give the reason (it is written to the audit log).</translation>
    </message>
    <message>
        <source>冲正后不能撤销，这条记录也不能再冲正第二次。确定冲正吗？</source>
        <translation>A reversal cannot be undone, and this entry cannot be reversed a second time. Reverse it?</translation>
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
<context>
    <name>SavedCaseBanner</name>
    <message>
        <source>打开案件(&amp;O)</source>
        <translation>&amp;Open the case</translation>
    </message>
    <message>
        <source>打印受理登记表(&amp;P)…</source>
        <translation>&amp;Print the intake register…</translation>
    </message>
    <message>
        <source>已受理&#x3000;案号：{number}</source>
        <translation>Accepted — case number: {number}</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>未保存：请按提示修改后再保存。</source>
        <translation>Not saved: please correct as shown and save again.</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
</context>
<context>
    <name>SessionRecordDialog</name>
    <message>
        <source>（尚未指派）</source>
        <translation>(not yet assigned)</translation>
    </message>
    <message>
        <source>记录调解</source>
        <translation>Record a session</translation>
    </message>
    <message>
        <source>{number}&#x3000;新的调解记录</source>
        <translation>{number}  New session record</translation>
    </message>
    <message>
        <source>更正调解记录</source>
        <translation>Correct the session record</translation>
    </message>
    <message>
        <source>{number}&#x3000;更正调解记录（现为第 {version} 版，保存为第 {next} 版，原记录保留）</source>
        <translation>{number}  Correct the session record (now version {version}, saved as version {next}; the original is kept)</translation>
    </message>
    <message>
        <source>{role}&#x3000;{name}</source>
        <translation>{role}  {name}</translation>
    </message>
    <message>
        <source>当事人的陈述</source>
        <translation>Parties&apos; statements</translation>
    </message>
    <message>
        <source>调解记录</source>
        <translation>Session record</translation>
    </message>
    <message>
        <source>调解时间(&amp;T)：</source>
        <translation>&amp;Time:</translation>
    </message>
    <message>
        <source>调解地点(&amp;P)：</source>
        <translation>&amp;Place:</translation>
    </message>
    <message>
        <source>调解事项(&amp;M)：</source>
        <translation>&amp;Matters mediated:</translation>
    </message>
    <message>
        <source>调解员：</source>
        <translation>Mediators:</translation>
    </message>
    <message>
        <source>参加人(&amp;J)：</source>
        <translation>Atten&amp;dees:</translation>
    </message>
    <message>
        <source>姓名之间用顿号或逗号隔开</source>
        <translation>Separate the names with commas</translation>
    </message>
    <message>
        <source>邀请协助人员(&amp;H)：</source>
        <translation>Invited &amp;helpers:</translation>
    </message>
    <message>
        <source>记录人(&amp;L)：</source>
        <translation>Recorded &amp;by:</translation>
    </message>
    <message>
        <source>已告知当事人的权利和义务(&amp;G)</source>
        <translation>The parties were told their ri&amp;ghts and obligations</translation>
    </message>
    <message>
        <source>当事人陈述：</source>
        <translation>Parties&apos; statements:</translation>
    </message>
    <message>
        <source>查明事实(&amp;F)：</source>
        <translation>&amp;Facts found:</translation>
    </message>
    <message>
        <source>调解结果(&amp;R)：</source>
        <translation>&amp;Result:</translation>
    </message>
    <message>
        <source>达成的结果，或调解不成的原因</source>
        <translation>What was agreed, or why mediation failed</translation>
    </message>
    <message>
        <source>结果类别(&amp;O)：</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>更正理由(&amp;X)：</source>
        <translation>Reason for the &amp;correction:</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>这是本调解委员会的规定，对本机所有操作员有效。</source>
        <translation>These are the rules of this mediation committee and apply to every operator of this PC.</translation>
    </message>
    <message>
        <source>办案提醒由主任设置，这里只能查看。</source>
        <translation>Case reminders are set by the director; here you can only view them.</translation>
    </message>
    <message>
        <source>自动锁定时间须为 {low}–{high} 的整数（分钟）</source>
        <translation>The auto-lock time must be a whole number from {low} to {high} (minutes)</translation>
    </message>
    <message>
        <source>未应用：请按提示修改</source>
        <translation>Not applied: please correct as shown</translation>
    </message>
    <message>
        <source>已应用</source>
        <translation>Applied</translation>
    </message>
    <message>
        <source>没有改动</source>
        <translation>Nothing changed</translation>
    </message>
    <message>
        <source>已保存。更改的语言在重新启动工作台后全部生效。</source>
        <translation>Saved. The new language takes full effect after the desk is restarted.</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>已保存，工作台将按新的天数提醒</source>
        <translation>Saved; the desk will remind you by the new numbers of days</translation>
    </message>
    <message>
        <source>未保存：请按提示修改</source>
        <translation>Not saved: please correct as shown</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>界面</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>语言(&amp;L)：</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>更改语言后，重新启动工作台才全部生效。</source>
        <translation>After changing the language, restart the desk for it to take full effect.</translation>
    </message>
    <message>
        <source>大字模式(&amp;F)：整个窗口使用更大的字，便于老年人阅读</source>
        <translation>Large &amp;font: the whole window uses bigger text, easier for older people to read</translation>
    </message>
    <message>
        <source>无操作自动锁定(&amp;M)：</source>
        <translation>Auto-lock after idle ti&amp;me:</translation>
    </message>
    <message>
        <source>分钟（1–120）：这么久没有按键或点击，工作台自动锁定</source>
        <translation>minutes (1–120): with no key press or click for this long, the desk locks itself</translation>
    </message>
    <message>
        <source>应用界面设置(&amp;A)</source>
        <translation>&amp;Apply display settings</translation>
    </message>
    <message>
        <source>办案提醒</source>
        <translation>Case reminders</translation>
    </message>
    <message>
        <source>在办超期天数(&amp;O)：</source>
        <translation>Open case &amp;overdue after:</translation>
    </message>
    <message>
        <source>天（1–365）：在办超过这些天的案件列入工作台的「超期在办」</source>
        <translation>days (1–365): open cases older than this are listed under “Overdue open cases” on the dashboard</translation>
    </message>
    <message>
        <source>司法确认提醒天数(&amp;J)：</source>
        <translation>&amp;Judicial confirmation reminder:</translation>
    </message>
    <message>
        <source>天（1–30）：司法确认申请期限在这些天内届满时提醒</source>
        <translation>days (1–30): remind when the deadline to apply for judicial confirmation ends within this many days</translation>
    </message>
    <message>
        <source>保存办案提醒(&amp;S)</source>
        <translation>&amp;Save case reminders</translation>
    </message>
    <message>
        <source>数据</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>数据位置：</source>
        <translation>Data location:</translation>
    </message>
    <message>
        <source>更改数据位置(&amp;D)…</source>
        <translation>Change &amp;data location…</translation>
    </message>
    <message>
        <source>恢复默认数据位置</source>
        <translation>Back to the default data location</translation>
    </message>
    <message>
        <source>备份位置：</source>
        <translation>Backup location:</translation>
    </message>
    <message>
        <source>更改备份位置(&amp;K)…</source>
        <translation>Change bac&amp;kup location…</translation>
    </message>
    <message>
        <source>使用默认备份位置</source>
        <translation>Use the default backup location</translation>
    </message>
    <message>
        <source>立即备份(&amp;B)</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>恢复备份(&amp;R)…</source>
        <translation>&amp;Restore backup…</translation>
    </message>
    <message>
        <source>检查数据完整性(&amp;C)</source>
        <translation>&amp;Check the data</translation>
    </message>
</context>
<context>
    <name>ShopTab</name>
    <message>
        <source>礼品</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>所需绿币</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>库存</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>已下架</source>
        <translation>Off the shelf</translation>
    </message>
    <message>
        <source>缺货</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>在架</source>
        <translation>On the shelf</translation>
    </message>
    <message>
        <source>今天是开放日</source>
        <translation>Today is the opening day</translation>
    </message>
    <message>
        <source>今天（{day} 日）不是开放日，兑换须写明原因</source>
        <translation>Today (the {day}th) is not the opening day: a redemption needs a reason</translation>
    </message>
    <message>
        <source>开放日由主任设置</source>
        <translation>The director sets the opening day</translation>
    </message>
    <message>
        <source>当前操作员不能维护礼品和库存</source>
        <translation>The current operator may not keep the gifts and stock</translation>
    </message>
    <message>
        <source>已保存：{name}，{price} 绿币，库存 {stock} 件</source>
        <translation>Saved: {name}, {price} coins, {stock} in stock</translation>
    </message>
    <message>
        <source>绿币超市开放日已设为每月 {day} 日</source>
        <translation>The shop now opens on day {day} of each month</translation>
    </message>
    <message>
        <source>绿币超市开放日：每月(&amp;O)</source>
        <translation>Shop &amp;opening day of each month:</translation>
    </message>
    <message>
        <source> 日</source>
        <translation> (day of month)</translation>
    </message>
    <message>
        <source>保存开放日</source>
        <translation>Save opening day</translation>
    </message>
    <message>
        <source>礼品和库存</source>
        <translation>Gifts and stock</translation>
    </message>
    <message>
        <source>新增礼品(&amp;N)…</source>
        <translation>&amp;New gift…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>入库或报损(&amp;K)…</source>
        <translation>Restoc&amp;k or write off…</translation>
    </message>
    <message>
        <source>显示已下架的礼品(&amp;I)</source>
        <translation>&amp;Include gifts off the shelf</translation>
    </message>
    <message>
        <source>兑换</source>
        <translation>Redeem</translation>
    </message>
    <message>
        <source>居民(&amp;R)：</source>
        <translation>&amp;Resident:</translation>
    </message>
    <message>
        <source>输入姓名或户名，按回车键查找</source>
        <translation>Type a name or household; press Enter to search</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>礼品(&amp;G)：</source>
        <translation>&amp;Gift:</translation>
    </message>
    <message>
        <source>数量(&amp;Q)：</source>
        <translation>&amp;Quantity:</translation>
    </message>
    <message>
        <source> 件</source>
        <translation> pcs</translation>
    </message>
    <message>
        <source>另日兑换原因(&amp;Y)：</source>
        <translation>Reason for another da&amp;y:</translation>
    </message>
    <message>
        <source>不是开放日时必填，如：老人行动不便，上门兑换</source>
        <translation>Required when it is not the opening day, e.g. elderly resident, redeemed at home</translation>
    </message>
    <message>
        <source>兑换(&amp;D)…</source>
        <translation>Re&amp;deem…</translation>
    </message>
</context>
<context>
    <name>SignaturesDialog</name>
    <message>
        <source>{number}&#x3000;协议达成于 {reached}，一式 {copies} 份</source>
        <translation>{number}  Agreement reached on {reached}, in {copies} copies</translation>
    </message>
    <message>
        <source>确认签字</source>
        <translation>Confirm signatures</translation>
    </message>
    <message>
        <source>请附上已签字协议书的扫描件或照片：拖到本窗口，或按「选择文件」</source>
        <translation>Please attach a scan or photo of the signed agreement: drag it onto this window or press “Choose files”</translation>
    </message>
    <message>
        <source>已签字的调解协议书</source>
        <translation>Signed mediation agreement</translation>
    </message>
    <message>
        <source>扫描件已添加为本案附件：{names}；签字尚未确认，改正后再按「确认签字」。</source>
        <translation>The scans were added to the case as attachments: {names}; the signatures are not confirmed yet. Correct the problem, then press “Confirm signatures” again.</translation>
    </message>
    <message>
        <source>选择已签字协议书的扫描件</source>
        <translation>Choose the scans of the signed agreement</translation>
    </message>
    <message>
        <source>扫描件或照片 ({types});;所有文件 (*)</source>
        <translation>Scans or photos ({types});;All files (*)</translation>
    </message>
    <message>
        <source>{name}（已添加）</source>
        <translation>{name} (added)</translation>
    </message>
    <message>
        <source>请核对纸质协议书上已有：各方当事人签名、盖章或按指印，调解员签名，调解委员会印章。确认后协议生效（人民调解法第二十九条），司法确认的 30 日期限从生效之日起算。</source>
        <translation>Please check that the paper agreement has the signature, seal or fingerprint of every party, the mediator&apos;s signature and the mediation committee&apos;s seal. Once confirmed, the agreement takes effect (People&apos;s Mediation Law, Art. 29), and the 30-day period for judicial confirmation runs from that day.</translation>
    </message>
    <message>
        <source>已当面核对纸质协议书上的全部签名、指印和印章(&amp;P)</source>
        <translation>I have checked all signatures, fingerprints and seals on the paper agreement in &amp;person</translation>
    </message>
    <message>
        <source>附上已签字协议书的扫描件或照片(&amp;S)</source>
        <translation>Attach a &amp;scan or photo of the signed agreement</translation>
    </message>
    <message>
        <source>把扫描件或照片拖到本窗口，或按「选择文件」；每页一张照片也可以。文件加密保存为本案附件（签字扫描件）。</source>
        <translation>Drag scans or photos onto this window, or press “Choose files”; one photo per page is fine too. The files are stored encrypted as attachments of this case (signed scan).</translation>
    </message>
    <message>
        <source>选择文件(&amp;F)…</source>
        <translation>Choose &amp;files…</translation>
    </message>
    <message>
        <source>移除所选(&amp;R)</source>
        <translation>&amp;Remove selected</translation>
    </message>
    <message>
        <source>签字日期(&amp;D)：</source>
        <translation>&amp;Date signed:</translation>
    </message>
</context>
<context>
    <name>SitecodeCommon</name>
    <message>
        <source>全部码色</source>
        <translation>All colours</translation>
    </message>
</context>
<context>
    <name>SitecodeDashboardTab</name>
    <message>
        <source>各网格码色统计</source>
        <translation>Codes by grid</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>场所数</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>待整改隐患</source>
        <translation>Open hazards</translation>
    </message>
    <message>
        <source>超期隐患</source>
        <translation>Overdue hazards</translation>
    </message>
    <message>
        <source>待办任务</source>
        <translation>Open tasks</translation>
    </message>
    <message>
        <source>{period}各网格码色（{time} 计算）</source>
        <translation>Codes by grid, {period} (computed {time})</translation>
    </message>
    <message>
        <source>{month}转码率：{text}</source>
        <translation>Conversion rate, {month}: {text}</translation>
    </message>
</context>
<context>
    <name>SitecodeHazardsTab</name>
    <message>
        <source>待整改</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已超期</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>显示(&amp;W)</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>网格(&amp;G)</source>
        <translation>&amp;Grid</translation>
    </message>
    <message>
        <source>场所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>发现日期</source>
        <translation>Found on</translation>
    </message>
    <message>
        <source>整改期限</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>整改情况</source>
        <translation>Rectification</translation>
    </message>
    <message>
        <source>登记整改(&amp;R)…</source>
        <translation>&amp;Record rectification…</translation>
    </message>
    <message>
        <source>已超期，待整改</source>
        <translation>Overdue, open</translation>
    </message>
    <message>
        <source>{day} 整改，复查人 {who}：{note}</source>
        <translation>Rectified {day}, checked by {who}: {note}</translation>
    </message>
    <message>
        <source>共 {count} 项，其中已超期 {overdue} 项</source>
        <translation>{count} items, {overdue} overdue</translation>
    </message>
    <message>
        <source>当前操作员不能登记整改</source>
        <translation>The current operator may not record rectifications</translation>
    </message>
    <message>
        <source>已登记整改：{place}「{item}」，复查人 {who}。</source>
        <translation>Rectification recorded: {place} “{item}”, checked by {who}.</translation>
    </message>
</context>
<context>
    <name>SitecodeInspectTab</name>
    <message>
        <source>输入场所名称后按回车查找</source>
        <translation>Type a place&apos;s name and press Enter</translation>
    </message>
    <message>
        <source>查找场所(&amp;F)</source>
        <translation>&amp;Find place</translation>
    </message>
    <message>
        <source>场所(&amp;P)</source>
        <translation>&amp;Place</translation>
    </message>
    <message>
        <source>月份(&amp;M)</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>整体照片</source>
        <translation>Photo of the inspection</translation>
    </message>
    <message>
        <source>备注(&amp;N)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>其余各项合格(&amp;K)</source>
        <translation>All others o&amp;K</translation>
    </message>
    <message>
        <source>保存自查(&amp;S)</source>
        <translation>&amp;Save inspection</translation>
    </message>
    <message>
        <source>{name}（{grid}）</source>
        <translation>{name} ({grid})</translation>
    </message>
    <message>
        <source>（请选择场所）</source>
        <translation>(choose a place)</translation>
    </message>
    <message>
        <source>没有找到这个场所</source>
        <translation>No such place found</translation>
    </message>
    <message>
        <source>{name}：{category}，{grid}，{address}。检查清单第 {version} 版，共 {items} 项。</source>
        <translation>{name}: {category}, {grid}, {address}. Checklist version {version}, {items} items.</translation>
    </message>
    <message>
        <source>（补做）</source>
        <translation> (late)</translation>
    </message>
    <message>
        <source>（本期）</source>
        <translation> (current)</translation>
    </message>
    <message>
        <source>当前操作员不能录入自查</source>
        <translation>The current operator may not enter self-inspections</translation>
    </message>
    <message>
        <source>还有 {count} 项没有选择检查结果</source>
        <translation>{count} items have no result yet</translation>
    </message>
    <message>
        <source>确认保存自查</source>
        <translation>Confirm the self-inspection</translation>
    </message>
    <message>
        <source>为「{name}」保存{month}自查：合格 {ok} 项，有隐患 {found} 项，不适用 {na} 项。
保存后不能修改。确定保存吗？</source>
        <translation>Save the {month} self-inspection of “{name}”: {ok} OK, {found} hazards, {na} not applicable.
It cannot be changed once saved. Save?</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>未保存：请按提示修改后再保存。</source>
        <translation>Not saved: correct what is shown and save again.</translation>
    </message>
    <message>
        <source>未保存：{reason}</source>
        <translation>Not saved: {reason}</translation>
    </message>
    <message>
        <source>已保存「{name}」{month}自查</source>
        <translation>Saved the {month} self-inspection of “{name}”</translation>
    </message>
    <message>
        <source>，登记隐患 {count} 项</source>
        <translation>, {count} hazards recorded</translation>
    </message>
    <message>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <source>现为</source>
        <translation>Now </translation>
    </message>
</context>
<context>
    <name>SitecodeLabels</name>
    <message>
        <source>绿码</source>
        <translation>Green</translation>
    </message>
    <message>
        <source>黄码</source>
        <translation>Yellow</translation>
    </message>
    <message>
        <source>红码</source>
        <translation>Red</translation>
    </message>
    <message>
        <source>合格</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>有隐患</source>
        <translation>Hazard</translation>
    </message>
    <message>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>待整改</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已整改</source>
        <translation>Rectified</translation>
    </message>
    <message>
        <source>暗访检查</source>
        <translation>Covert inspection</translation>
    </message>
    <message>
        <source>联合执法</source>
        <translation>Joint enforcement</translation>
    </message>
    <message>
        <source>待办</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>SitecodePage</name>
    <message>
        <source>场所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>自查录入</source>
        <translation>Self-inspection</translation>
    </message>
    <message>
        <source>隐患整改</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>网格看板</source>
        <translation>Grid dashboard</translation>
    </message>
    <message>
        <source>亮码公示</source>
        <translation>Placards</translation>
    </message>
</context>
<context>
    <name>SitecodePlacardsTab</name>
    <message>
        <source>打印公示牌</source>
        <translation>Print placards</translation>
    </message>
    <message>
        <source>打印本场所(&amp;P)…</source>
        <translation>&amp;Print this place…</translation>
    </message>
    <message>
        <source>打印整个网格(&amp;G)…</source>
        <translation>Print the whole &amp;grid…</translation>
    </message>
    <message>
        <source>场所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>扫码核对</source>
        <translation>Check a placard</translation>
    </message>
    <message>
        <source>扫码框(&amp;S)</source>
        <translation>&amp;Scan</translation>
    </message>
    <message>
        <source>点这里后用扫码枪扫公示牌上的二维码，或输入码下的文字后按回车</source>
        <translation>Click here and scan the placard&apos;s QR code, or type the text under it and press Enter</translation>
    </message>
    <message>
        <source>当前操作员不能打印公示牌</source>
        <translation>The current operator may not print placards</translation>
    </message>
    <message>
        <source>正在生成公示牌……</source>
        <translation>Making the placards…</translation>
    </message>
    <message>
        <source>未能生成公示牌：{reason}</source>
        <translation>Could not make the placards: {reason}</translation>
    </message>
    <message>
        <source>「{title}」没有在用的场所，没有生成公示牌。</source>
        <translation>“{title}” has no active place; no placard was made.</translation>
    </message>
    <message>
        <source>已生成 {count} 张公示牌。</source>
        <translation>{count} placards made.</translation>
    </message>
    <message>
        <source>亮码公示牌：{title}</source>
        <translation>Placards: {title}</translation>
    </message>
    <message>
        <source>亮码公示牌-{title}.pdf</source>
        <translation>placards-{title}.pdf</translation>
    </message>
    <message>
        <source>{name}（{category}，{grid}）
{address}
场所码 {code}</source>
        <translation>{name} ({category}, {grid})
{address}
Place code {code}</translation>
    </message>
    <message>
        <source>今天：</source>
        <translation>Today: </translation>
    </message>
</context>
<context>
    <name>SitecodePlacesTab</name>
    <message>
        <source>场所名称、地址或负责人</source>
        <translation>Name, address or responsible person</translation>
    </message>
    <message>
        <source>全部网格</source>
        <translation>All grids</translation>
    </message>
    <message>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <source>网格(&amp;G)</source>
        <translation>&amp;Grid</translation>
    </message>
    <message>
        <source>码色(&amp;C)</source>
        <translation>&amp;Colour</translation>
    </message>
    <message>
        <source>类别(&amp;T)</source>
        <translation>Ca&amp;tegory</translation>
    </message>
    <message>
        <source>场所列表</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>场所名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>网格</source>
        <translation>Grid</translation>
    </message>
    <message>
        <source>码色</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>隐患</source>
        <translation>Hazards</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>码色和理由</source>
        <translation>Code and reasons</translation>
    </message>
    <message>
        <source>登记场所(&amp;N)…</source>
        <translation>&amp;New place…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>导入清单(&amp;I)…</source>
        <translation>&amp;Import list…</translation>
    </message>
    <message>
        <source>无法读取：{reason}</source>
        <translation>Cannot read: {reason}</translation>
    </message>
    <message>
        <source>共 {count} 个场所</source>
        <translation>{count} places</translation>
    </message>
    <message>
        <source>前 {count} 个场所（请查找或筛选其他场所）</source>
        <translation>First {count} places (search or filter for the others)</translation>
    </message>
    <message>
        <source>待整改 {open}</source>
        <translation>{open} open</translation>
    </message>
    <message>
        <source>{text}，超期 {overdue}</source>
        <translation>{text}, {overdue} overdue</translation>
    </message>
    <message>
        <source>{name}（停用）</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <source>{category}（个体）</source>
        <translation>{category} (individual)</translation>
    </message>
    <message>
        <source>选中一个场所，这里显示它的码色和理由。</source>
        <translation>Choose a place to see its code and the reasons.</translation>
    </message>
    <message>
        <source>当前操作员（{role}）只能查看；登记、修改和导入场所请由{keepers}办理。</source>
        <translation>The current operator ({role}) may only look; places are registered, edited and imported by {keepers}.</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>已登记：{name}</source>
        <translation>Registered: {name}</translation>
    </message>
    <message>
        <source>已保存：{name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>（未填统一社会信用代码，按个体工商户标记）</source>
        <translation> (no unified social credit code: flagged as an individual business)</translation>
    </message>
</context>
<context>
    <name>SitecodeTasksTab</name>
    <message>
        <source>只看待办(&amp;O)</source>
        <translation>&amp;Open only</translation>
    </message>
    <message>
        <source>任务由区里按红码开出，由镇街办结；同步后这里显示最新情况。</source>
        <translation>The district opens tasks for red codes and the town closes them; they show here after each sync.</translation>
    </message>
    <message>
        <source>场所</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>任务</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>月份</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>交办</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>开出日期</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>红码理由</source>
        <translation>Why red</translation>
    </message>
    <message>
        <source>{place}：{kind}（{month}），交办{parties}。
{reasons}</source>
        <translation>{place}: {kind} ({month}), assigned to {parties}.
{reasons}</translation>
    </message>
    <message>
        <source>{state}（{day}）</source>
        <translation>{state} ({day})</translation>
    </message>
    <message>
        <source>{reasons}
办结情况：{outcome}</source>
        <translation>{reasons}
Outcome: {outcome}</translation>
    </message>
    <message>
        <source>共 {count} 项任务，待办 {open} 项</source>
        <translation>{count} tasks, {open} open</translation>
    </message>
</context>
<context>
    <name>StatementSection</name>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>For</translation>
    </message>
    <message>
        <source>绿币</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>请在左边的名单中选择一位居民</source>
        <translation>Choose a resident in the list on the left</translation>
    </message>
    <message>
        <source>{name}（{group}）&#x3000;余额 {balance} 绿币</source>
        <translation>{name} ({group})  balance {balance} coins</translation>
    </message>
    <message>
        <source>第一笔记录</source>
        <translation> the first entry</translation>
    </message>
    <message>
        <source>自{since}至 {until}：期初 {opening}，共 {count} 笔，期末 {closing} 绿币</source>
        <translation>From {since} to {until}: opening {opening}, {count} entries, closing {closing} coins</translation>
    </message>
    <message>
        <source>已冲正</source>
        <translation>Reversed</translation>
    </message>
    <message>
        <source>这段时间没有积分记录</source>
        <translation>No entries in this period</translation>
    </message>
    <message>
        <source>冲正积分记录须由主任办理</source>
        <translation>Only the director may reverse entries</translation>
    </message>
    <message>
        <source>冲正记录和已冲正的记录不能再冲正</source>
        <translation>A reversal, or an entry already reversed, cannot be reversed</translation>
    </message>
    <message>
        <source>另记一笔相反的记录抵消所选记录，须写明理由，不能撤销</source>
        <translation>Adds an opposite entry that cancels the selected one; needs a reason and cannot be undone</translation>
    </message>
    <message>
        <source>正在生成积分明细……</source>
        <translation>Making the statement…</translation>
    </message>
    <message>
        <source>{name}的积分明细</source>
        <translation>Statement of {name}</translation>
    </message>
    <message>
        <source>积分明细-{name}-{until}.pdf</source>
        <translation>statement-{name}-{until}.pdf</translation>
    </message>
    <message>
        <source>未能生成积分明细：{reason}</source>
        <translation>Could not make the statement: {reason}</translation>
    </message>
    <message>
        <source>已冲正：另记 {coins} 绿币。</source>
        <translation>Reversed: an entry of {coins} coins was added.</translation>
    </message>
    <message>
        <source>礼品 {count} 件已退回库存。</source>
        <translation>{count} gifts were put back in stock.</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>受理（件）</source>
        <translation>Accepted (cases)</translation>
    </message>
    <message>
        <source>调解成功（件）</source>
        <translation>Mediated successfully (cases)</translation>
    </message>
    <message>
        <source>终止调解（件）</source>
        <translation>Mediation ended (cases)</translation>
    </message>
    <message>
        <source>不予调解（件）</source>
        <translation>Declined (cases)</translation>
    </message>
    <message>
        <source>调解件数（件）</source>
        <translation>Mediations concluded (cases)</translation>
    </message>
    <message>
        <source>调解成功率</source>
        <translation>Success rate</translation>
    </message>
    <message>
        <source>协议金额（元）</source>
        <translation>Agreed amount (yuan)</translation>
    </message>
    <message>
        <source>涉及人数（人）</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <source>排查发现（件）</source>
        <translation>Found in screening (cases)</translation>
    </message>
    <message>
        <source>上报（件）</source>
        <translation>Escalated (cases)</translation>
    </message>
    <message>
        <source>结案（件）</source>
        <translation>Closed (cases)</translation>
    </message>
    <message>
        <source>月末在办（件）</source>
        <translation>Open at month end (cases)</translation>
    </message>
    <message>
        <source>&#x3000;其中 {referrer}</source>
        <translation>    of which: {referrer}</translation>
    </message>
    <message>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>件</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>人</source>
        <translation>Persons</translation>
    </message>
    <message>
        <source>调解成功率 = 调解成功 ÷ 调解件数；调解件数 = 本月调解成功、终止调解、不予调解和上报的件数。调解成功按协议生效日期计（口头协议按达成日期），已撤回或被确认无效、撤销的协议不计。</source>
        <translation>Success rate = successful ÷ concluded; concluded = the month&apos;s successful, terminated, declined and escalated cases. A success counts on the day its agreement took effect (an oral one: the day it was reached); agreements withdrawn, or ruled invalid or revoked, do not count.</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>{month} 人民调解月报</source>
        <translation>People&apos;s mediation monthly report, {month}</translation>
    </message>
    <message>
        <source>本月没有调解成功、终止调解、不予调解或上报的案件，不计成功率</source>
        <translation>No case was mediated successfully, terminated, declined or escalated this month: no success rate</translation>
    </message>
    <message>
        <source>人民调解月报-{month}.csv</source>
        <translation>mediation-monthly-report-{month}.csv</translation>
    </message>
    <message>
        <source>导出月报</source>
        <translation>Export monthly report</translation>
    </message>
    <message>
        <source>CSV 文件（Excel 可打开） (*.csv)</source>
        <translation>CSV files (open in Excel) (*.csv)</translation>
    </message>
    <message>
        <source>正在导出……</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>已导出：{path}</source>
        <translation>Exported: {path}</translation>
    </message>
    <message>
        <source>未导出：{reason}</source>
        <translation>Not exported: {reason}</translation>
    </message>
    <message>
        <source>月份(&amp;M)：</source>
        <translation>&amp;Month:</translation>
    </message>
    <message>
        <source>上月(&amp;P)</source>
        <translation>&amp;Previous month</translation>
    </message>
    <message>
        <source>如 2026-10</source>
        <translation>e.g. 2026-10</translation>
    </message>
    <message>
        <source>年-月，如 2026-10；按回车键查看</source>
        <translation>Year-month, e.g. 2026-10; press Enter to view</translation>
    </message>
    <message>
        <source>下月(&amp;X)</source>
        <translation>Ne&amp;xt month</translation>
    </message>
    <message>
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>导出报表(&amp;E)…</source>
        <translation>&amp;Export report…</translation>
    </message>
    <message>
        <source>保存为 CSV 文件（UTF-8，Excel 可直接打开），只含统计数字，不含个人信息</source>
        <translation>Saves a CSV file (UTF-8, opens directly in Excel) with the figures only, no personal data</translation>
    </message>
    <message>
        <source>总体情况</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>案件来源（件）</source>
        <translation>Case sources (cases)</translation>
    </message>
    <message>
        <source>协议形式（件）</source>
        <translation>Agreement forms (cases)</translation>
    </message>
    <message>
        <source>防止事项</source>
        <translation>Prevented</translation>
    </message>
    <message>
        <source>按纠纷类型</source>
        <translation>By dispute type</translation>
    </message>
    <message>
        <source>近 12 个月案件数</source>
        <translation>Cases in the last 12 months</translation>
    </message>
    <message>
        <source>近 12 个月调解成功率</source>
        <translation>Success rate in the last 12 months</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>上月结余</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>本月获得</source>
        <translation>Earned</translation>
    </message>
    <message>
        <source>本月扣减</source>
        <translation>Deducted</translation>
    </message>
    <message>
        <source>本月兑换</source>
        <translation>Redeemed</translation>
    </message>
    <message>
        <source>冲正及调整</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <source>本月结余</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>{count} 户</source>
        <translation>{count} households</translation>
    </message>
    <message>
        <source>{count} 人</source>
        <translation>{count} residents</translation>
    </message>
    <message>
        <source>户</source>
        <translation>Household</translation>
    </message>
    <message>
        <source>村民小组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>合计</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>正在读取同步状态…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <source>（未登记）</source>
        <translation>(not registered)</translation>
    </message>
    <message>
        <source>镇（街道）：{town}，可查看本镇各村的案件、接手上报到本镇的案件</source>
        <translation>Town: {town}; can view the cases of all villages in this town and take over cases escalated to it</translation>
    </message>
    <message>
        <source>调解委员会：{code}</source>
        <translation>Mediation committee: {code}</translation>
    </message>
    <message>
        <source>{count} 条</source>
        <translation>{count} changes</translation>
    </message>
    <message>
        <source>{count} 个</source>
        <translation>{count} problems</translation>
    </message>
    <message>
        <source>从未</source>
        <translation>Never</translation>
    </message>
    <message>
        <source>{at}（未成功：{reason}）</source>
        <translation>{at} (failed: {reason})</translation>
    </message>
    <message>
        <source>区里已撤销本机的同步授权（或不再认可本机的设备令牌），本机已删除该令牌，暂停同步。本机的工作都还在：请向区社会治理中心索取新的登记码，在下方重新登记，登记后自动补传。</source>
        <translation>The district has withdrawn the sync permission of this PC (or no longer accepts its device token); this PC has deleted the token and sync is paused. All the work on this PC is still here: ask the district social governance centre for a new registration code and register again below; everything is sent automatically after that.</translation>
    </message>
    <message>
        <source>本机尚未登记到区社会治理中心，只在本机保存。请在下方用区里发放的登记码登记。</source>
        <translation>This PC is not registered with the district social governance centre yet, so its data are kept only on this PC. Please register below with the registration code from the district.</translation>
    </message>
    <message>
        <source>须输入设备令牌才能同步（本机没有安全的系统钥匙串，令牌不保存在电脑上）。</source>
        <translation>A device token must be entered to sync (this PC has no secure system keyring, so the token is not stored on it).</translation>
    </message>
    <message>
        <source>已登记，尚未同步。</source>
        <translation>Registered, not synced yet.</translation>
    </message>
    <message>
        <source>在线：上次同步成功。</source>
        <translation>Online: the last sync succeeded.</translation>
    </message>
    <message>
        <source>离线：上次未能连接区服务器。本机的工作照常保存，联网后自动补传。</source>
        <translation>Offline: the last attempt could not reach the district server. Work on this PC is saved as usual and sent once the network is back.</translation>
    </message>
    <message>
        <source>保存在系统钥匙串（{backend}）中，不写入任何文件</source>
        <translation>Stored in the system keyring ({backend}), never written to a file</translation>
    </message>
    <message>
        <source>只在本次登录期间使用，锁定或关闭后须重新输入（本机的系统钥匙串不安全：{backend}）</source>
        <translation>Used only until the desk is locked or closed; enter it again after the next login (the system keyring of this PC is not secure: {backend})</translation>
    </message>
    <message>
        <source>无</source>
        <translation>None</translation>
    </message>
    <message>
        <source>无：请在下方输入</source>
        <translation>None: please enter it below</translation>
    </message>
    <message>
        <source>登记只有主任或记录员可以办理。</source>
        <translation>Only the director or a clerk can register.</translation>
    </message>
    <message>
        <source>本机的设备已被区里撤销。请填写区里新发放的登记码重新登记；原来的令牌已作废。</source>
        <translation>The district has withdrawn this PC. Please enter the new registration code from the district to register again; the old token no longer works.</translation>
    </message>
    <message>
        <source>本机已登记。区里发放了新的登记码（例如更换了服务器）时，才需要在这里重新登记。</source>
        <translation>This PC is registered. Register again here only when the district issues a new registration code (e.g. after changing the server).</translation>
    </message>
    <message>
        <source>向区社会治理中心索取本调解委员会的一次性登记码，连同区服务器地址一起填在下面。设备令牌保存在系统钥匙串中，不写入任何文件。</source>
        <translation>Ask the district social governance centre for the one-time registration code of this mediation committee, and enter it below together with the district server address. The device token is kept in the system keyring, never in a file.</translation>
    </message>
    <message>
        <source>正在自动同步…</source>
        <translation>Syncing automatically…</translation>
    </message>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>正在推送本机的变更：{done}/{total}</source>
        <translation>Sending the changes of this PC: {done}/{total}</translation>
    </message>
    <message>
        <source>正在接收区里的变更：已收到 {done} 条</source>
        <translation>Receiving changes from the district: {done} received</translation>
    </message>
    <message>
        <source>本次同步已停止；已完成的部分已保存，下次同步从停下的地方继续。</source>
        <translation>This sync was stopped; the finished part is saved and the next sync carries on from where it stopped.</translation>
    </message>
    <message>
        <source>同步进行中工作台被锁定，本次同步已停止，稍后自动继续；上报到镇里的卷宗要等重新登录后才能上报。</source>
        <translation>The desk was locked during sync, so this sync stopped; it carries on later by itself. Case files escalated to the town are sent only after you log in again.</translation>
    </message>
    <message>
        <source>本机尚未登记到区社会治理中心，请在下方用区里发放的登记码登记。</source>
        <translation>This PC is not registered with the district social governance centre yet; please register below with the registration code from the district.</translation>
    </message>
    <message>
        <source>须先输入设备令牌（本机没有安全的系统钥匙串，令牌不保存在电脑上）。</source>
        <translation>Enter the device token first (this PC has no secure system keyring, so the token is not stored on it).</translation>
    </message>
    <message>
        <source>区服务器的证书无法验证，为安全起见未连接：请向区里索取 CA 证书文件，在下方重新登记时选择它。</source>
        <translation>The certificate of the district server could not be verified, so for safety the desk did not connect: ask the district for the CA certificate file and choose it when you register again below.</translation>
    </message>
    <message>
        <source>同步意外中断，详情已写入日志；本机的数据不受影响，稍后会自动再试。</source>
        <translation>Sync stopped unexpectedly; the details are in the log. The data on this PC are not affected, and sync will try again later by itself.</translation>
    </message>
    <message>
        <source>未能连接区服务器，本次没有同步；本机的工作照常保存，联网后自动补传。（{reason}）</source>
        <translation>Could not reach the district server, so nothing was synced this time; work on this PC is saved as usual and sent once the network is back. ({reason})</translation>
    </message>
    <message>
        <source>同步完成：推送 {pushed} 条（成功 {applied}，被拒绝 {rejected}，冲突 {conflicts}），收到区里的变更 {pulled} 条。</source>
        <translation>Sync done: sent {pushed} changes ({applied} accepted, {rejected} refused, {conflicts} in conflict); received {pulled} changes from the district.</translation>
    </message>
    <message>
        <source>{held} 份上报卷宗须登录解锁后才能上报。</source>
        <translation> {held} escalated case files can be sent only after you log in to unlock.</translation>
    </message>
    <message>
        <source>有 {count} 个同步问题待处理，请到「同步问题」查看。</source>
        <translation> {count} sync problems need resolving; see “Sync problems”.</translation>
    </message>
    <message>
        <source>选择区里提供的 CA 证书文件</source>
        <translation>Choose the CA certificate file from the district</translation>
    </message>
    <message>
        <source>证书文件 (*.pem *.crt *.cer);;所有文件 (*)</source>
        <translation>Certificate files (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>正在登记……</source>
        <translation>Registering…</translation>
    </message>
    <message>
        <source>正在登记……（等本次同步结束）</source>
        <translation>Registering… (after the current sync ends)</translation>
    </message>
    <message>
        <source>工作台正在关闭，未登记</source>
        <translation>The desk is closing; not registered</translation>
    </message>
    <message>
        <source>本机没有安全的系统钥匙串，设备令牌不会保存在电脑上，下面只显示这一次：请现在抄下或复制后妥善保管，以后每次登录后同步时需要输入。</source>
        <translation>This PC has no secure system keyring, so the device token is not stored on it and is shown below only this once: copy it or write it down now and keep it safe; you will need to enter it after each login to sync.</translation>
    </message>
    <message>
        <source>未登记：请按提示修改</source>
        <translation>Not registered: please correct as shown</translation>
    </message>
    <message>
        <source>未登记：{reason}</source>
        <translation>Not registered: {reason}</translation>
    </message>
    <message>
        <source>区服务器的证书无法验证（自签名或不受信任的证书），为安全起见未连接：请选择区里提供的 CA 证书文件后重新登记。</source>
        <translation>The certificate of the district server could not be verified (self-signed or not trusted), so for safety the desk did not connect: choose the CA certificate file from the district and register again.</translation>
    </message>
    <message>
        <source>这个地址没有按区服务器的方式回答，请核对区服务器地址：{reason}</source>
        <translation>This address did not answer like a district server; please check the district server address: {reason}</translation>
    </message>
    <message>
        <source>设备令牌已复制。</source>
        <translation>Device token copied.</translation>
    </message>
    <message>
        <source>请输入登记时抄下的设备令牌</source>
        <translation>Please enter the device token you wrote down when registering</translation>
    </message>
    <message>
        <source>设备令牌已用于本次登录，正在同步…</source>
        <translation>The device token is used until the desk is locked; syncing…</translation>
    </message>
    <message>
        <source>同步状态与登记</source>
        <translation>Sync status and registration</translation>
    </message>
    <message>
        <source>与区社会治理中心的同步</source>
        <translation>Sync with the district social governance centre</translation>
    </message>
    <message>
        <source>状态：</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>区服务器：</source>
        <translation>District server:</translation>
    </message>
    <message>
        <source>登记范围：</source>
        <translation>Registered for:</translation>
    </message>
    <message>
        <source>待推送：</source>
        <translation>Waiting to send:</translation>
    </message>
    <message>
        <source>待处理的同步问题：</source>
        <translation>Sync problems to resolve:</translation>
    </message>
    <message>
        <source>查看并处理(&amp;V)</source>
        <translation>&amp;View and resolve</translation>
    </message>
    <message>
        <source>上次成功同步：</source>
        <translation>Last successful sync:</translation>
    </message>
    <message>
        <source>上次尝试：</source>
        <translation>Last attempt:</translation>
    </message>
    <message>
        <source>设备令牌：</source>
        <translation>Device token:</translation>
    </message>
    <message>
        <source>立即同步(&amp;S)</source>
        <translation>&amp;Sync now</translation>
    </message>
    <message>
        <source>停止本次同步(&amp;T)</source>
        <translation>S&amp;top this sync</translation>
    </message>
    <message>
        <source>自动同步间隔(&amp;I)：</source>
        <translation>Auto-sync &amp;interval:</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source>联网时每隔这么久自动同步一次；断网时工作照常保存，联网后补上。</source>
        <translation>When online, the desk syncs this often by itself; when offline, work is saved as usual and sent once the network is back.</translation>
    </message>
    <message>
        <source>输入设备令牌</source>
        <translation>Enter the device token</translation>
    </message>
    <message>
        <source>本机没有安全的系统钥匙串，设备令牌不保存在电脑上：请输入登记时抄下的设备令牌，它只在本次登录期间使用，锁定后须重新输入。</source>
        <translation>This PC has no secure system keyring, so the device token is not stored on it: enter the device token you wrote down when registering; it is used only until the desk is locked or closed.</translation>
    </message>
    <message>
        <source>设备令牌(&amp;K)：</source>
        <translation>Device to&amp;ken:</translation>
    </message>
    <message>
        <source>使用(&amp;U)</source>
        <translation>&amp;Use</translation>
    </message>
    <message>
        <source>登记到区社会治理中心</source>
        <translation>Register with the district social governance centre</translation>
    </message>
    <message>
        <source>区服务器地址(&amp;A)：</source>
        <translation>District server &amp;address:</translation>
    </message>
    <message>
        <source>例如 https://sync.example.gov.cn</source>
        <translation>e.g. https://sync.example.gov.cn</translation>
    </message>
    <message>
        <source>登记码(&amp;C)：</source>
        <translation>Registration &amp;code:</translation>
    </message>
    <message>
        <source>区社会治理中心发放的一次性登记码</source>
        <translation>One-time registration code from the district social governance centre</translation>
    </message>
    <message>
        <source>CA 证书文件(&amp;F)：</source>
        <translation>CA certificate &amp;file:</translation>
    </message>
    <message>
        <source>可不填；区服务器使用自签名证书时，选择区里提供的证书文件</source>
        <translation>Optional; if the district server uses a self-signed certificate, choose the certificate file from the district</translation>
    </message>
    <message>
        <source>选择(&amp;B)…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>登记(&amp;E)</source>
        <translation>R&amp;egister</translation>
    </message>
    <message>
        <source>复制设备令牌(&amp;Y)</source>
        <translation>Cop&amp;y device token</translation>
    </message>
    <message>
        <source>同步问题</source>
        <translation>Sync problems</translation>
    </message>
    <message>
        <source>区里拒绝或与区里记录冲突的变更都列在这里，不会被悄悄丢掉：逐条看清本机做了什么、区里现在是什么，再选择处理方式。</source>
        <translation>Changes the district refused, or that conflict with the district&apos;s records, are listed here and never silently dropped: look at what this PC did and what the district has now, one by one, then choose how to resolve each.</translation>
    </message>
    <message>
        <source>显示已处理的(&amp;R)</source>
        <translation>Show &amp;resolved</translation>
    </message>
    <message>
        <source>所选问题</source>
        <translation>Selected problem</translation>
    </message>
    <message>
        <source>本机的变更：</source>
        <translation>Change made on this PC:</translation>
    </message>
    <message>
        <source>区里的说法：</source>
        <translation>What the district says:</translation>
    </message>
    <message>
        <source>区里现在的记录：</source>
        <translation>The district&apos;s record now:</translation>
    </message>
    <message>
        <source>处理方式：</source>
        <translation>How to resolve:</translation>
    </message>
    <message>
        <source>以区里为准(&amp;J)</source>
        <translation>Keep the &amp;district&apos;s version</translation>
    </message>
    <message>
        <source>重新提交本机的变更(&amp;P)</source>
        <translation>Resub&amp;mit this PC&apos;s change</translation>
    </message>
    <message>
        <source>知悉并关闭(&amp;D)</source>
        <translation>Note and c&amp;lose</translation>
    </message>
    <message>
        <source>说明(&amp;N)：</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>选择“知悉并关闭”时必须写明原因</source>
        <translation>Choosing “Note and close” needs a reason</translation>
    </message>
    <message>
        <source>按所选方式处理(&amp;O)…</source>
        <translation>Res&amp;olve as chosen…</translation>
    </message>
    <message>
        <source>区里的案件</source>
        <translation>District cases</translation>
    </message>
    <message>
        <source>显示(&amp;W)：</source>
        <translation>S&amp;how:</translation>
    </message>
    <message>
        <source>由本镇接手此案(&amp;G)…</source>
        <translation>Take over this case for the to&amp;wn…</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>正在同步…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <source>正在推送 {done}/{total}</source>
        <translation>Sending {done}/{total}</translation>
    </message>
    <message>
        <source>正在拉取，已收到 {done} 条</source>
        <translation>Receiving, {done} received</translation>
    </message>
    <message>
        <source>区同步：{state}</source>
        <translation>District sync: {state}</translation>
    </message>
    <message>
        <source>待推送 {count}</source>
        <translation>{count} to send</translation>
    </message>
    <message>
        <source>上次成功 {at}</source>
        <translation>Last success {at}</translation>
    </message>
    <message>
        <source>从未成功同步</source>
        <translation>Never synced successfully</translation>
    </message>
    <message>
        <source>同步问题 {count}</source>
        <translation>Sync problems: {count}</translation>
    </message>
    <message>
        <source>读取中…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>授权已撤销，须重新登记</source>
        <translation>Permission withdrawn, register again</translation>
    </message>
    <message>
        <source>未登记</source>
        <translation>Not registered</translation>
    </message>
    <message>
        <source>须输入设备令牌</source>
        <translation>Device token needed</translation>
    </message>
    <message>
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>本机尚未登记到区社会治理中心。点击打开「同步」页办理登记。</source>
        <translation>This PC is not registered with the district social governance centre yet. Click to open the “Sync” page and register.</translation>
    </message>
    <message>
        <source>服务器：{url}</source>
        <translation>Server: {url}</translation>
    </message>
    <message>
        <source>上次尝试：{at}</source>
        <translation>Last attempt: {at}</translation>
    </message>
    <message>
        <source>上次未成功：{reason}</source>
        <translation>Last attempt failed: {reason}</translation>
    </message>
    <message>
        <source>点击打开「同步」页</source>
        <translation>Click to open the “Sync” page</translation>
    </message>
</context>
<context>
    <name>SyncText</name>
    <message>
        <source>以区里为准</source>
        <translation>Keep the district&apos;s version</translation>
    </message>
    <message>
        <source>重新提交本机的变更</source>
        <translation>Resubmit this PC&apos;s change</translation>
    </message>
    <message>
        <source>知悉并关闭</source>
        <translation>Note and close</translation>
    </message>
    <message>
        <source>本机改为区里的记录，本机的这次变更作废，不再上报。此操作不能撤销。</source>
        <translation>This PC takes the district&apos;s record; this change of this PC is cancelled and not sent again. This cannot be undone.</translation>
    </message>
    <message>
        <source>本机先按区里的记录更新，再把本机的变更作为新的变更重新上报（须符合案件流程，否则不予提交）。</source>
        <translation>This PC first updates to the district&apos;s record, then sends its change again as a new change (it must fit the case workflow, otherwise it is not submitted).</translation>
    </message>
    <message>
        <source>本机的变更只留在本机，不再上报，区里保持原样。须写明原因。此操作不能撤销。</source>
        <translation>The change stays only on this PC and is not sent; the district stays as it is. A reason is needed. This cannot be undone.</translation>
    </message>
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
        <source>受理日期</source>
        <translation>Accepted on</translation>
    </message>
    <message>
        <source>结案日期</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>上报至</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <source>接手单位</source>
        <translation>Taken over by</translation>
    </message>
    <message>
        <source>接手时间</source>
        <translation>Taken over at</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>可接案</source>
        <translation>Takes cases</translation>
    </message>
    <message>
        <source>在册</source>
        <translation>On the roster</translation>
    </message>
    <message>
        <source>协议形式</source>
        <translation>Agreement form</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>达成日期</source>
        <translation>Reached on</translation>
    </message>
    <message>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>受理方式</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>涉及人数</source>
        <translation>Persons involved</translation>
    </message>
    <message>
        <source>排查中发现</source>
        <translation>Found in screening</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>（区里没有这条记录）</source>
        <translation>(the district has no such record)</translation>
    </message>
</context>
<context>
    <name>TownSection</name>
    <message>
        <source>村（社区）</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>居民</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>绿币</source>
        <translation>Coins</translation>
    </message>
    <message>
        <source>活动日期</source>
        <translation>Activity date</translation>
    </message>
    <message>
        <source>目录版本</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>佐证</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>差额</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>本镇（街道）各村已通过村审核的申报，来自区社会治理中心（居民姓名已脱敏）。镇里通过后由区里记入积分，村里的电脑同步后即可看到。须联网。</source>
        <translation>Declarations approved by the town&apos;s villages, from the district centre (names masked). Once the town approves, the district credits the coins and the village&apos;s desk sees them at its next sync. Needs the network.</translation>
    </message>
    <message>
        <source>正在从区里读取……</source>
        <translation>Reading from the district…</translation>
    </message>
    <message>
        <source>工作台正在关闭</source>
        <translation>The desk is closing</translation>
    </message>
    <message>
        <source>待镇审核 {count} 条；兑换冲突 {conflicts} 个。</source>
        <translation>{count} waiting for the town; {conflicts} redemption conflicts.</translation>
    </message>
    <message>
        <source>现在连不上区社会治理中心，镇里的审核须联网进行。请检查网络后点「刷新」；本机其他工作不受影响。（{reason}）</source>
        <translation>The district centre cannot be reached now, and the town reviews online. Check the network, then press “Refresh”; other work on this desk goes on. ({reason})</translation>
    </message>
    <message>
        <source>无法从区里读取：{reason}</source>
        <translation>Could not read from the district: {reason}</translation>
    </message>
    <message>
        <source>有（{digest}…）</source>
        <translation>yes ({digest}…)</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>待处理</source>
        <translation>open</translation>
    </message>
    <message>
        <source>已处理</source>
        <translation>settled</translation>
    </message>
    <message>
        <source>{date} 兑换 {gift} ×{quantity}</source>
        <translation>{date} redeemed {gift} ×{quantity}</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
    <message>
        <source>镇审核通过 {village} {resident} 的申报「{item}」（{coins:+d} 绿币）？

通过后由区里记入积分，不能撤销。</source>
        <translation>Approve {resident}&apos;s declaration “{item}” ({coins:+d} coins) of {village} for the town?

The district then credits the coins; this cannot be undone.</translation>
    </message>
    <message>
        <source>镇审核通过</source>
        <translation>Town approval</translation>
    </message>
    <message>
        <source>镇审核不通过</source>
        <translation>Turn down (town)</translation>
    </message>
    <message>
        <source>{resident} 的申报「{item}」不通过的理由：</source>
        <translation>Why {resident}&apos;s declaration “{item}” is turned down:</translation>
    </message>
    <message>
        <source>确定不通过这条申报？不通过后不能撤销。</source>
        <translation>Turn this declaration down? This cannot be undone.</translation>
    </message>
    <message>
        <source>{village} {resident} 兑换「{gift}」时，两台电脑离线花了同一笔绿币，余额透支 {shortfall} 绿币（区里现在的余额：{balance}）。</source>
        <translation>When {resident} of {village} redeemed “{gift}”, two desks spent the same coins offline: the balance is {shortfall} coins short (balance at the district now: {balance}).</translation>
    </message>
    <message>
        <source>正在提交到区里……</source>
        <translation>Sending to the district…</translation>
    </message>
    <message>
        <source>工作台正在关闭，未提交</source>
        <translation>The desk is closing: nothing sent</translation>
    </message>
    <message>
        <source>已提交到区里。</source>
        <translation>Sent to the district. </translation>
    </message>
    <message>
        <source>未提交：{reason}</source>
        <translation>Not sent: {reason}</translation>
    </message>
</context>
<context>
    <name>TransitionDialog</name>
    <message>
        <source>协议撤回，重新调解</source>
        <translation>Withdraw the agreement, mediate again</translation>
    </message>
    <message>
        <source>{number}&#x3000;转为「{state}」</source>
        <translation>{number}  Change to “{state}”</translation>
    </message>
    <message>
        <source>说明（可不填）(&amp;R)：</source>
        <translation>&amp;Note (optional):</translation>
    </message>
    <message>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <source>调解不成的，应当终止调解，写明理由，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（人民调解法第二十六条）。终止后不能恢复调解。</source>
        <translation>If mediation fails, end it, write down the reason and tell the parties that they can protect their rights by arbitration, administrative or judicial means according to law (People&apos;s Mediation Law, Art. 26). Mediation cannot be resumed once ended.</translation>
    </message>
    <message>
        <source>当事人一方明确拒绝调解的，不得调解（人民调解法第十七条）。请记录理由。此操作不可撤销。</source>
        <translation>If one party clearly refuses mediation, the dispute must not be mediated (People&apos;s Mediation Law, Art. 17). Please record the reason. This cannot be undone.</translation>
    </message>
    <message>
        <source>可能激化为治安案件、刑事案件的纠纷，应当及时上报（人民调解法第二十五条）。上报后本案在本调委会办结，不可撤销。</source>
        <translation>Disputes that may grow into public-order or criminal cases must be escalated promptly (People&apos;s Mediation Law, Art. 25). After escalation the case is concluded at this committee; this cannot be undone.</translation>
    </message>
    <message>
        <source>结案后案件不能再变更。</source>
        <translation>Once closed, the case can no longer be changed.</translation>
    </message>
    <message>
        <source>协议生效后当事人不履行或对协议内容发生争议的，应告知当事人可以向人民法院提起诉讼（人民调解法第三十二条），请勾选“诉讼”并写明未履行的情况。此操作不可撤销。</source>
        <translation>When a party does not perform an agreement in effect, or disputes its content, the parties must be told they may sue in court (People&apos;s Mediation Law art. 32): tick “litigation” and describe what was not performed. This cannot be undone.</translation>
    </message>
    <message>
        <source>书面协议尚未经各方签字、盖章，未生效（人民调解法第二十九条）。撤回后协议保留备查，案件回到调解中，须重新调解并登记新的协议。请写明撤回理由。</source>
        <translation>The written agreement has not been signed and sealed by everyone, so it is not in effect (People&apos;s Mediation Law art. 29). Withdrawn, it is kept for the record and the case goes back to mediation; a new agreement must be recorded. Give the reason for withdrawing it.</translation>
    </message>
    <message>
        <source>当事人拒绝在协议上签字的，协议不生效，应当终止调解，写明理由，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利（人民调解法第二十六条）。终止后不能恢复调解。</source>
        <translation>When a party refuses to sign, the agreement does not take effect: mediation must be terminated with its reason, and the parties told they may seek arbitration, administrative or judicial remedies (People&apos;s Mediation Law art. 26). A terminated mediation cannot be resumed.</translation>
    </message>
    <message>
        <source>确定撤回 {number} 尚未签字的协议、重新调解吗？
撤回的协议保留备查，不能再签字生效。</source>
        <translation>Withdraw the unsigned agreement of {number} and mediate again?
The withdrawn agreement is kept for the record and can no longer be signed.</translation>
    </message>
    <message>
        <source>确定将 {number} 转为「{state}」吗？
此操作不可撤销。</source>
        <translation>Change {number} to “{state}”?
This cannot be undone.</translation>
    </message>
    <message>
        <source>未保存：请按提示补全后再保存。</source>
        <translation>Not saved: please complete as shown and save again.</translation>
    </message>
    <message>
        <source>变更案件状态</source>
        <translation>Change case status</translation>
    </message>
    <message>
        <source>理由(&amp;R)：</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>上报至(&amp;L)：</source>
        <translation>Escalate &amp;to:</translation>
    </message>
    <message>
        <source>已告知当事人的其他解决途径（人民调解法第二十六条）</source>
        <translation>Other routes the parties were told of (People&apos;s Mediation Law, Art. 26)</translation>
    </message>
    <message>
        <source>本案防止了（计入月报）</source>
        <translation>This case prevented (counted in the monthly report)</translation>
    </message>
</context>
<context>
    <name>UnsavedWork</name>
    <message>
        <source>「{what}」还没有保存。要先保存，再{doing}吗？

{discard}：不保存，填写的内容将丢失；
{cancel}：留在这里继续填写。</source>
        <translation>“{what}” has not been saved. Save it first, then {doing}?

{discard}: do not save — what was typed is lost;
{cancel}: stay here and go on.</translation>
    </message>
    <message>
        <source>尚未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>close</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>核验一致</source>
        <translation>Matches</translation>
    </message>
    <message>
        <source>内容不一致</source>
        <translation>Content does not match</translation>
    </message>
    <message>
        <source>本机没有这份协议</source>
        <translation>This PC has no such agreement</translation>
    </message>
    <message>
        <source>校验码无效</source>
        <translation>Invalid check code</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在核验……</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <source>未能核验</source>
        <translation>Could not verify</translation>
    </message>
    <message>
        <source>核验协议书</source>
        <translation>Verify an agreement</translation>
    </message>
    <message>
        <source>用扫码枪扫描协议书上的二维码，或照二维码下方的文字输入校验码，再按回车或「核验」。核验看协议书与本机登记的内容是否一致。</source>
        <translation>Scan the QR code on the agreement with the scanner, or type the check code printed under the QR code, then press Enter or “Verify”. Verifying shows whether the agreement matches what is recorded on this PC.</translation>
    </message>
    <message>
        <source>校验码(&amp;C)：</source>
        <translation>Check &amp;code:</translation>
    </message>
    <message>
        <source>MDA1|委员会代码|协议书编号|校验值</source>
        <translation>MDA1|committee code|agreement no.|check value</translation>
    </message>
    <message>
        <source>核验(&amp;V)</source>
        <translation>&amp;Verify</translation>
    </message>
</context>
<context>
    <name>WearerDialog</name>
    <message>
        <source>独居（报警优先派人上门）</source>
        <translation>Lives alone (someone is sent first)</translation>
    </message>
    <message>
        <source>姓名(&amp;M)</source>
        <translation>Na&amp;me</translation>
    </message>
    <message>
        <source>身份证号码(&amp;I)</source>
        <translation>&amp;ID number</translation>
    </message>
    <message>
        <source>本人电话(&amp;P)</source>
        <translation>Own &amp;phone</translation>
    </message>
    <message>
        <source>住址(&amp;A)</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>手环号(&amp;B)</source>
        <translation>&amp;Bracelet no.</translation>
    </message>
    <message>
        <source>特殊情况(&amp;X)</source>
        <translation>E&amp;xception</translation>
    </message>
    <message>
        <source>紧急联系人(&amp;C)</source>
        <translation>Emergency &amp;contacts</translation>
    </message>
    <message>
        <source>本人同意</source>
        <translation>By the wearer</translation>
    </message>
    <message>
        <source>监护人同意：</source>
        <translation>By the guardian:</translation>
    </message>
    <message>
        <source>监护人姓名</source>
        <translation>Guardian&apos;s name</translation>
    </message>
    <message>
        <source>已签字同意手环定位信息的处理（单独同意）</source>
        <translation>Signed consent to the bracelet&apos;s location data (separate consent)</translation>
    </message>
    <message>
        <source>另行同意记录健康信息</source>
        <translation>Separate consent to keep health notes</translation>
    </message>
    <message>
        <source>定位同意</source>
        <translation>Location consent</translation>
    </message>
    <message>
        <source>健康信息(&amp;H)</source>
        <translation>&amp;Health notes</translation>
    </message>
    <message>
        <source>手环背面的编号（IMEI），未发手环可不填</source>
        <translation>The number on the back (IMEI); empty when no bracelet is given yet</translation>
    </message>
    <message>
        <source>未满 80 周岁或没有身份证号时必填，如：独居、失能</source>
        <translation>Required under 80 or without an ID number, e.g. lives alone, disabled</translation>
    </message>
    <message>
        <source>登记佩戴人</source>
        <translation>Enrol a wearer</translation>
    </message>
    <message>
        <source>可不填；加密保存</source>
        <translation>Optional; stored encrypted</translation>
    </message>
    <message>
        <source>80 周岁以上的老人可配发手环（独居优先）。住址、电话和健康信息加密保存；住址会报给区里，以便无人接警时镇里派人。</source>
        <translation>Residents aged 80 and over may wear a bracelet (those living alone first). Address, phone and health notes are stored encrypted; the address goes to the district, so the town can send help when nobody answers.</translation>
    </message>
    <message>
        <source>修改佩戴人：{name}</source>
        <translation>Edit wearer: {name}</translation>
    </message>
    <message>
        <source>联系人按拨打顺序排列，可上移下移。</source>
        <translation>Contacts are called in this order; move them up or down.</translation>
    </message>
    <message>
        <source>定位同意：须佩戴人本人或监护人签字同意，才能登记手环</source>
        <translation>Location consent: the wearer or a guardian must sign before a bracelet is enrolled</translation>
    </message>
    <message>
        <source>定位同意：监护人同意时须写明监护人姓名</source>
        <translation>Location consent: name the guardian who consented</translation>
    </message>
</context>
<context>
    <name>WearersTab</name>
    <message>
        <source>含已停用(&amp;I)</source>
        <translation>&amp;Include stopped</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>年龄</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>手环号</source>
        <translation>Bracelet no.</translation>
    </message>
    <message>
        <source>独居</source>
        <translation>Alone</translation>
    </message>
    <message>
        <source>同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>第一联系人</source>
        <translation>First contact</translation>
    </message>
    <message>
        <source>登记佩戴人(&amp;N)…</source>
        <translation>E&amp;nrol…</translation>
    </message>
    <message>
        <source>修改(&amp;E)…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <source>健康信息(&amp;H)…</source>
        <translation>&amp;Health notes…</translation>
    </message>
    <message>
        <source>停用(&amp;S)…</source>
        <translation>&amp;Stop…</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>wearer</translation>
    </message>
    <message>
        <source>监护人 {name}</source>
        <translation>guardian {name}</translation>
    </message>
    <message>
        <source>；健康</source>
        <translation>; health</translation>
    </message>
    <message>
        <source>未发</source>
        <translation>none given</translation>
    </message>
    <message>
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>已撤回</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>在用</source>
        <translation>active</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>在用 {count} 人，其中独居 {alone} 人</source>
        <translation>{count} active, {alone} of them living alone</translation>
    </message>
    <message>
        <source>佩戴人没有同意记录健康信息</source>
        <translation>The wearer has not consented to health notes</translation>
    </message>
    <message>
        <source>已保存：{name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>停用：{name}</source>
        <translation>Stop: {name}</translation>
    </message>
    <message>
        <source>写明停用的原因（如已去世、搬走、收回手环）。停用后这个手环的报警不再算到此人。</source>
        <translation>Write why (died, moved away, bracelet returned). Alarms of this bracelet are no longer this person&apos;s afterwards.</translation>
    </message>
    <message>
        <source>停用原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>确认停用 {name}？</source>
        <translation>Stop {name}?</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Stop</translation>
    </message>
</context>
</TS>
