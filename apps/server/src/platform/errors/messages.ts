/**
 * Human messages for error codes in both UI languages. The API answers in the language of
 * Accept-Language (zh-CN unless the client asks for English); an unknown code keeps the
 * message the service gave.
 */
export type Lang = 'zh-CN' | 'en'

export const ERROR_MESSAGES: Record<string, Record<Lang, string>> = {
  VALIDATION_FAILED: {
    'zh-CN': '提交的内容不符合要求，请检查标出的字段',
    en: 'Some fields are invalid',
  },
  BODY_MALFORMED: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  AUTH_MOBILE_NOT_REGISTERED: {
    'zh-CN': '这个手机号还没有注册，请先注册',
    en: 'No account has this mobile number; register first',
  },
  MEMBER_HOLDS_STRONGER_ROLE: {
    'zh-CN': '该会员担任的角色高于您的权限或不在您管理的组织内，请由能够授予该角色的管理员操作',
    en: 'This member holds a role stronger than yours, or outside your organisations; ask an administrator who could have granted it',
  },
  MEMBER_OWN_STATUS: {
    'zh-CN': '不能更改自己的账号状态，请由其他管理员操作',
    en: 'You cannot change your own status; ask another administrator',
  },
  TEXT_INVALID_CHARACTER: {
    'zh-CN':
      '文字中含有无法保存的字符（不可见的控制字符、文字方向控制符或乱码，常见于从别处复制的内容），请删除后重试',
    en: 'The text contains a character that cannot be stored (an invisible control or text-direction character, or garbled text, often pasted from elsewhere); remove it and try again',
  },
  BODY_TOO_LARGE: { 'zh-CN': '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  ROUTE_NOT_FOUND: { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  RATE_LIMITED: {
    'zh-CN': '请求过于频繁，请稍后再试',
    en: 'Too many requests, please try again later',
  },
  INTERNAL_ERROR: { 'zh-CN': '服务器内部错误，请稍后再试', en: 'Something went wrong on our side' },
  AUTH_REQUIRED: { 'zh-CN': '请先登录', en: 'Please sign in' },
  AUTH_SESSION_EXPIRED: {
    'zh-CN': '登录已过期，请重新登录',
    en: 'Your session has expired, please sign in again',
  },
  AUTH_INVALID_CREDENTIALS: {
    'zh-CN': '手机号或密码不正确',
    en: 'Wrong mobile number or password',
  },
  AUTH_THROTTLED: {
    'zh-CN': '登录失败次数过多，请稍后再试',
    en: 'Too many failed sign-ins, please wait and try again',
  },
  AUTH_WRONG_PASSWORD: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  AUTH_ACCOUNT_INACTIVE: { 'zh-CN': '该账号已停用', en: 'This account is not active' },
  CSRF_INVALID: {
    'zh-CN': '安全校验失败，请刷新页面后重试',
    en: 'Security check failed, please reload the page',
  },
  OTP_INVALID: { 'zh-CN': '验证码不正确或已过期', en: 'The code is wrong or has expired' },
  OTP_TOO_FREQUENT: {
    'zh-CN': '验证码发送过于频繁，请稍后再试',
    en: 'Codes were sent too often, please wait',
  },
  ACCESS_DENIED: { 'zh-CN': '没有权限执行此操作', en: 'You do not have access to this resource' },
  ORG_NOT_FOUND: { 'zh-CN': '工会组织不存在', en: 'Organisation not found' },
  ORG_MOVE_INTO_DESCENDANT: {
    'zh-CN': '不能把组织移动到它自己的下级组织之下',
    en: 'An organisation cannot be moved under its own descendant',
  },
  ORG_ROOT_IMMUTABLE: {
    'zh-CN': '顶级组织不能移动或归档',
    en: 'The root organisation cannot be moved or archived',
  },
  ORG_ARCHIVED: { 'zh-CN': '该组织已归档', en: 'This organisation is archived' },
  ORG_HAS_ACTIVE_CHILDREN: {
    'zh-CN': '请先归档其下级组织',
    en: 'Archive its child organisations first',
  },
  ORG_NAME_TAKEN: {
    'zh-CN': '同一上级下已有同名组织',
    en: 'A sibling organisation already has this name',
  },
  MEMBER_NOT_FOUND: { 'zh-CN': '会员不存在', en: 'Member not found' },
  MEMBER_MOBILE_INVALID: { 'zh-CN': '手机号格式不正确', en: 'Invalid mobile number' },
  MEMBER_MOBILE_TAKEN: {
    'zh-CN': '该手机号已被注册',
    en: 'This mobile number is already registered',
  },
  MEMBER_ID_CARD_INVALID: {
    'zh-CN': '身份证号码无效（校验位不符）',
    en: 'Invalid ID-card number (checksum mismatch)',
  },
  MEMBER_ID_CARD_TAKEN: {
    'zh-CN': '该身份证号码已登记',
    en: 'This ID-card number is already registered',
  },
  MEMBER_IMPORT_HAS_ERRORS: {
    'zh-CN': '导入文件有错误，未导入任何数据，请修改后重试或选择只导入有效行',
    en: 'The file has errors; nothing was imported',
  },
  FILE_TYPE_UNSUPPORTED: {
    'zh-CN': '请上传 .xlsx 工作簿或 UTF-8 编码的 .csv 文件',
    en: 'Upload an .xlsx workbook or a UTF-8 .csv file',
  },
  FILE_UNREADABLE: { 'zh-CN': '文件无法读取', en: 'The file could not be read' },
  FILE_MISSING: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  FILE_TOO_LARGE: { 'zh-CN': '文件过大', en: 'The file is too large' },
  UPLOAD_TYPE_UNSUPPORTED: {
    'zh-CN':
      '这个文件不是真正的 JPEG、PNG 或 WebP 图片（按文件内容判断，不看文件名），请换一张照片',
    en: 'This file is not a real JPEG, PNG or WebP image (judged by its content, not its name); choose another photo',
  },
  UPLOAD_IMAGE_UNREADABLE: {
    'zh-CN': '图片已损坏，无法读取尺寸',
    en: 'The image is damaged; its size could not be read',
  },
  UPLOAD_DIMENSIONS_TOO_LARGE: {
    'zh-CN': '图片像素尺寸过大，请缩小后再上传',
    en: 'The image has too many pixels; resize it and try again',
  },
  UPLOAD_NOT_FOUND: { 'zh-CN': '图片不存在', en: 'Image not found' },
  UPLOAD_REFERENCE_MISSING: {
    'zh-CN': '引用的图片不存在，请重新上传',
    en: 'A referenced image does not exist; upload it again',
  },
  ROLE_GRANT_NOT_FOUND: { 'zh-CN': '角色授权不存在', en: 'Role grant not found' },
  ROLE_GRANT_EXISTS: {
    'zh-CN': '该会员在此组织已有该角色',
    en: 'The member already holds this role at this organisation',
  },
  NOMINATION_NOT_FOUND: { 'zh-CN': '提名不存在', en: 'Nomination not found' },
  NOMINATION_NOMINATOR_OUT_OF_SCOPE: {
    'zh-CN': '只有本次评选所属工会范围内的会员可以提名',
    en: "Only members of the campaign's organisation subtree may nominate",
  },
  NOMINATION_EMPLOYER_OUT_OF_SCOPE: {
    'zh-CN': '被提名人的工作单位须在本次评选的工会范围内',
    en: "The nominee's employer must be inside the campaign's organisation subtree",
  },
  NOMINATION_LETTER_REQUIRED: {
    'zh-CN': '组织推荐须附推荐信',
    en: 'An organisation nomination needs a recommendation letter',
  },
  NOMINATION_NAME_MISMATCH: {
    'zh-CN': '该手机号或身份证号已被推荐，但姓名与您填写的不一致，请核对姓名和号码',
    en: 'Someone with this mobile or ID number is already nominated under another name; check the name and number',
  },
  NOMINATION_ALREADY_SUPPORTED: {
    'zh-CN': '您已在本次评选中提名过此人',
    en: 'You have already nominated this person in this campaign',
  },
  NOMINATION_CONSENT_INVALID: {
    'zh-CN': '确认链接无效',
    en: 'This consent link is not valid',
  },
  NOMINATION_CONSENT_DECIDED: {
    'zh-CN': '被提名人已对本次提名作出答复',
    en: 'The nominee has already answered this consent request',
  },
  NOMINATION_NOT_REVIEWABLE: {
    'zh-CN': '该提名当前状态不能审核',
    en: 'This nomination cannot be reviewed in its current status',
  },
  NOMINATION_CONSENT_MISSING: {
    'zh-CN': '被提名人尚未确认同意，只能不予通过',
    en: 'The nominee has not consented yet; the nomination can only be rejected',
  },
  NOMINATION_REVIEW_LEVEL: {
    'zh-CN': '下级审核只能上报或不予通过，只有最高一级可以审核通过',
    en: 'A lower review level forwards or rejects; only the top level accepts',
  },
  NOMINATION_NOT_MERGEABLE: {
    'zh-CN': '已合并或已通过的提名不能再合并到其他提名',
    en: 'Merged or accepted nominations cannot be merged into another',
  },
  NOMINATION_CONSENT_NOT_PENDING: {
    'zh-CN': '该提名不在等待被提名人确认的状态（本人提名、已答复或已关闭）',
    en: 'The nominee is not awaiting a consent request (self-nominated, answered or closed)',
  },
  NOMINATION_CONSENT_SMS_TOO_SOON: {
    'zh-CN': '确认短信刚刚发送过，请一分钟后再试',
    en: 'The consent SMS was sent less than a minute ago; please try again shortly',
  },
  NOMINATION_CONSENT_SMS_DAILY_LIMIT: {
    'zh-CN': '该提名今天的确认短信已达发送上限，请明天再试',
    en: 'The daily limit of consent SMS for this nomination is reached; try again tomorrow',
  },
  NOMINATION_CONSENT_SMS_FAILED: {
    'zh-CN': '短信发送失败，请稍后重试',
    en: 'The SMS could not be sent; please try again later',
  },
  NOMINATION_CONCURRENT_CHANGE: {
    'zh-CN': '提名在处理过程中发生了变化，请重试',
    en: 'The nomination changed while this request ran; please try again',
  },
  OBJECTION_NOT_FOUND: { 'zh-CN': '异议不存在', en: 'Objection not found' },
  OBJECTION_ALREADY_RESOLVED: {
    'zh-CN': '该异议已处理',
    en: 'This objection has already been resolved',
  },
  ROLE_NOT_GRANTABLE: { 'zh-CN': '无权授予该角色', en: 'You cannot grant this role' },
  CAMPAIGN_NOT_JUROR: {
    'zh-CN': '只有本次评选的评委可以进行此操作',
    en: 'Only jurors of this campaign may do this',
  },
  CAMPAIGN_JUROR_EXISTS: { 'zh-CN': '该会员已是本次评选的评委', en: 'Already a juror' },
  CAMPAIGN_JUROR_NOT_FOUND: {
    'zh-CN': '该会员不是本次评选的评委',
    en: 'The member is not a juror of this campaign',
  },
  CAMPAIGN_JUROR_HAS_SCORES: {
    'zh-CN': '该评委已提交评分，不能移除',
    en: 'A juror who has already scored cannot be removed',
  },
  CAMPAIGN_JURY_SCORE_INVALID: {
    'zh-CN': '请为每个评分项打分，分值在 0 到该项满分之间',
    en: 'Score every rubric item between 0 and its maximum',
  },
  CAMPAIGN_RUBRIC_LOCKED: {
    'zh-CN': '已有评委评分或专家评审阶段已结束，评审细则不能再修改',
    en: 'The jury rubric is fixed once a juror has scored or the jury phase has ended',
  },
  CAMPAIGN_CANDIDATE_NOT_FOUND: { 'zh-CN': '候选人不存在', en: 'Candidate not found' },
  CAMPAIGN_RESULTS_NOT_ANNOUNCED: {
    'zh-CN': '评选结果尚未公示',
    en: 'The results are not published yet',
  },
  CAMPAIGN_JURY_INCOMPLETE: {
    'zh-CN':
      '还有专家未完成评分（缺失的评分按 0 分计入排名）。请提醒专家完成评分，或写明原因后再进入结果公示',
    en: 'Jury scores are missing (they would count 0 in the ranking). Ask the jurors to finish, or give a reason to go on without them',
  },
  CAMPAIGN_OBJECTIONS_OPEN: {
    'zh-CN': '还有未处理的异议，处理完毕后才能公布结果',
    en: 'Objections are still open; resolve them before announcing',
  },
  CAMPAIGN_NOT_CHILD: {
    'zh-CN': '该评选不是本评选的下级评选',
    en: 'That campaign is not a child of this campaign',
  },
  CAMPAIGN_NOT_WINNER: {
    'zh-CN': '只能推荐下级评选已揭晓的获奖者',
    en: 'Only announced winners of the child campaign can be put forward',
  },
  CAMPAIGN_CATEGORY_MISMATCH: {
    'zh-CN': '上级评选没有同名的评选类别',
    en: 'The parent campaign has no category of that name',
  },
  BALLOT_VOTING_CLOSED: { 'zh-CN': '当前不在投票阶段', en: 'Voting is not open for this campaign' },
  BALLOT_OUTSIDE_HOURS: {
    'zh-CN': '现在不在每日投票时段内',
    en: 'Voting is closed at this time of day',
  },
  BALLOT_NOT_A_CANDIDATE: {
    'zh-CN': '所选对象不是本次评选的候选人',
    en: 'A chosen id is not a candidate of this campaign',
  },
  BALLOT_TOO_MANY_CHOICES: {
    'zh-CN': '每张选票选择的候选人数超过上限',
    en: 'Too many candidates on one ballot',
  },
  BALLOT_DUPLICATE_CHOICE: {
    'zh-CN': '同一张选票不能重复选择同一候选人',
    en: 'A ballot lists the same candidate twice',
  },
  BALLOT_DAILY_LIMIT: { 'zh-CN': '今日投票次数已用完，请明天再来', en: 'No votes left today' },
  BALLOT_CANDIDATE_LIMIT: {
    'zh-CN': '今日为该候选人投票的次数已达上限',
    en: 'No more votes for this candidate today',
  },
  BALLOT_RATE_LIMITED: {
    'zh-CN': '投票过于频繁，请稍等一分钟再试',
    en: 'Too many votes in a short time; wait a minute',
  },
  BALLOT_KEY_REUSED: {
    'zh-CN': '该请求编号已用于另一张选票',
    en: 'This client key was already used for a different ballot',
  },
  BALLOT_VOTER_REQUIRED: {
    'zh-CN': '请先登录或验证手机号后再投票',
    en: 'Sign in or verify your mobile number to vote',
  },
  BALLOT_VOTER_NOT_ELIGIBLE: {
    'zh-CN': '您不在本次评选的投票范围内',
    en: 'You are not eligible to vote in this campaign',
  },
  BALLOT_SMS_NOT_ENABLED: {
    'zh-CN': '本次评选仅限会员投票，请登录',
    en: 'This campaign is open to members only; sign in to vote',
  },
  BALLOT_NOT_RECORDED: {
    'zh-CN': '投票未能记录，请重试',
    en: 'Your vote was not recorded; please try again',
  },
  BALLOT_RECEIPT_NOT_FOUND: { 'zh-CN': '未找到该投票凭证', en: 'No ballot has this receipt' },
  BALLOT_NOT_FOUND: {
    'zh-CN': '部分选票不属于本次评选',
    en: 'Some ballots are not in this campaign',
  },
  BALLOT_STATUS_CONFLICT: {
    'zh-CN': '部分选票的状态不允许此操作',
    en: 'Some ballots are not in a state that allows this',
  },
  CAMPAIGN_TALLY_SEALED: {
    'zh-CN': '投票结束前不公开各候选人票数',
    en: 'Tallies are sealed until voting closes',
  },
  STATION_NOT_FOUND: { 'zh-CN': '未找到该驿站', en: 'No such station' },
  STATION_CLOSED: { 'zh-CN': '该驿站已关闭', en: 'The station is closed' },
  STATION_NOT_OPEN_NOW: {
    'zh-CN': '现在不在驿站开放时间，暂时不能签到',
    en: 'The station is outside its opening hours now; check-in is not possible',
  },
  STATION_NOT_CLOSED: { 'zh-CN': '该驿站未关闭', en: 'The station is not closed' },
  STATION_FULL: {
    'zh-CN': '驿站已满员，请稍后再来或前往附近其他驿站',
    en: 'The station is full; come back later or try another one nearby',
  },
  STATION_NOT_CHECKED_IN: {
    'zh-CN': '本机在此驿站没有签到记录',
    en: 'This phone is not checked in at this station',
  },
  STATION_CAPACITY_BELOW_OCCUPANCY: {
    'zh-CN': '容纳人数不能少于当前在站人数',
    en: 'Capacity cannot be lower than the number of people checked in now',
  },
  // The message of a VALIDATION_FAILED detail at dutyPhone (DutyPhoneSchema).
  STATION_DUTY_PHONE_INVALID: {
    'zh-CN':
      '值班电话格式不正确：请填写带区号的固定电话（如 0931-8123456，分机写在后面：0931-8123456-801）、400/800 电话或 11 位手机号',
    en: 'Invalid duty phone: enter a landline with its area code (0931-8123456, an extension after a dash: 0931-8123456-801), a 400/800 number or an 11-digit mobile',
  },
  SHIFT_NOT_FOUND: { 'zh-CN': '未找到该值班', en: 'No such shift' },
  STATION_OPEN_DATA_TOO_LARGE: {
    'zh-CN': '公开下载每次最多包含 5000 个驿站，请选择下级工会',
    en: 'The public download holds at most 5,000 stations; choose a sub-org',
  },
  STATION_OPEN_DATA_BUSY: {
    'zh-CN': '公开数据正在为其他工会生成，请一分钟后再试',
    en: 'Public downloads are being built for other orgs; try again in a minute',
  },
  SHIFT_ENDS_BEFORE_START: {
    'zh-CN': '值班结束时间须晚于开始时间',
    en: 'A shift must end after it starts',
  },
  SHIFT_TOO_LONG: { 'zh-CN': '一次值班最长 24 小时', en: 'A shift lasts at most 24 hours' },
  SHIFT_IN_PAST: {
    'zh-CN': '值班开始时间不能早于一天前',
    en: 'A shift cannot start more than a day ago',
  },
  STATION_IMPORT_HEADER_INVALID: {
    'zh-CN': '第一行须为驿站导入模板的列名，请下载模板后填写',
    en: 'The first row must name the template columns; download the template',
  },
  STATION_IMPORT_TOO_LARGE: {
    'zh-CN': '一次最多导入 5000 个驿站，请分批导入',
    en: 'At most 5,000 stations per file; split the file',
  },
  STATION_HSDS_INVALID: {
    'zh-CN': '文件不符合 HSDS 3 数据规范，详见错误列表',
    en: 'The file is not a valid HSDS 3 dataset; see the list of problems',
  },
  STATION_HSDS_FILE_UNSUPPORTED: {
    'zh-CN': '请上传 UTF-8 编码的 HSDS .json 文件',
    en: 'Upload an HSDS dataset as a UTF-8 .json file',
  },
  SHIFT_PAST_LOCKED: {
    'zh-CN': '开始已超过一天的值班不能再修改或删除',
    en: 'A shift that began over a day ago can no longer change',
  },
  SHIFT_WINDOW_INVALID: {
    'zh-CN': '查询时段须结束于开始之后，且不超过 62 天',
    en: 'The window must end after it starts and span at most 62 days',
  },
  SHIFT_MEMBER_NOT_ELIGIBLE: {
    'zh-CN': '值班人须是本站点所属组织（含下级）的在册会员',
    en: "The person must be an active member of the station's org or an org below it",
  },
  SHIFT_MEMBER_NOT_PARTY_MEMBER: {
    'zh-CN':
      '党员志愿者班次须安排政治面貌为中共党员或中共预备党员的会员；请先在会员信息中登记，或改为值班人员',
    en: "A party-member volunteer shift needs a member recorded as a CPC member or probationary member; update the member's record or choose the staff role",
  },
  SHIFT_OVERLAP: {
    'zh-CN': '此人在该时段已有值班安排',
    en: 'This person already has a shift at that time',
  },
  SHIFT_FEED_NOT_FOUND: { 'zh-CN': '日历订阅链接无效或已更换', en: 'No such calendar feed' },
  NOTIFICATION_NOT_FOUND: { 'zh-CN': '消息不存在', en: 'Notification not found' },
  WISH_NOT_FOUND: { 'zh-CN': '心愿不存在', en: 'Wish not found' },
  WISH_CLAIM_NOT_FOUND: { 'zh-CN': '认领记录不存在', en: 'Claim not found' },
  WISH_STATION_NOT_FOUND: { 'zh-CN': '站点不存在', en: 'Station not found' },
  WISH_STATION_CLOSED: {
    'zh-CN': '该站点已关闭，不能再提交心愿',
    en: 'The station is closed and takes no wishes',
  },
  WISH_STATION_ORG_MISMATCH: {
    'zh-CN': '站点不属于所选组织',
    en: 'The station belongs to another organisation',
  },
  WISH_DEADLINE_INVALID: {
    'zh-CN': '截止日期须在今天到 180 天之内',
    en: 'The deadline must be between today and 180 days ahead',
  },
  WISH_CLAIM_DUE_INVALID: {
    'zh-CN': '完成日期须在今天到心愿截止日期之间',
    en: "The due date must be between today and the wish's deadline",
  },
  WISH_STATUS_CONFLICT: {
    'zh-CN': '心愿当前状态不允许此操作，请刷新后重试',
    en: 'The wish is not in a state that allows this; reload and try again',
  },
  WISH_ALREADY_CLAIMED: {
    'zh-CN': '手慢了，这个心愿已被他人认领',
    en: 'Someone else has already claimed this wish',
  },
  WISH_CLAIM_DUPLICATE: { 'zh-CN': '您已认领过这个心愿', en: 'You have already claimed this wish' },
  WISH_NOT_CLAIMABLE: {
    'zh-CN': '这个心愿目前不在心愿墙上，不能认领',
    en: 'This wish is not on the wall and cannot be claimed',
  },
  WISH_CLAIMANT_NOT_PARTY_MEMBER: {
    'zh-CN':
      '工会登记的政治面貌不是中共党员或预备党员，不能以党员身份认领；可以志愿者身份认领，或联系所在工会更正',
    en: 'Your union has not recorded you as a party member; claim as a volunteer, or ask your union to correct your record',
  },
  WISH_CLAIM_OWN: { 'zh-CN': '不能认领自己的心愿', en: 'You cannot claim your own wish' },
  WISH_NOT_POSTER: {
    'zh-CN': '只有提交心愿的职工本人可以确认或重新开放',
    en: 'Only the worker who posted the wish may confirm or reopen it',
  },
  WISH_NOT_CLAIMANT: {
    'zh-CN': '只有认领人可以办理这项认领',
    en: 'Only the claimant may do this with the claim',
  },
  WISH_CLAIM_STATUS_CONFLICT: {
    'zh-CN': '认领当前状态不允许此操作，请刷新后重试',
    en: 'The claim is not in a state that allows this; reload and try again',
  },
  WISH_CONFIRM_BY_WORKER: {
    'zh-CN': '该心愿由职工本人提交，须由本人确认收到',
    en: 'The worker posted this wish and confirms receipt themselves',
  },
  WISH_NOT_EDITABLE: {
    'zh-CN': '心愿已被认领或已结束，不能再修改',
    en: 'The wish has been claimed or has ended and can no longer be edited',
  },
  WISH_NOT_WITHDRAWABLE: {
    'zh-CN': '心愿已被认领或已结束，不能撤回',
    en: 'The wish has been claimed or has ended and can no longer be withdrawn',
  },
  WISH_EXPORT_TOO_LARGE: {
    'zh-CN': '符合条件的心愿太多，一次最多导出 10000 条，请缩小筛选范围',
    en: 'Too many wishes match: at most 10,000 can be exported at once; narrow the filters',
  },
  CAMPAIGN_NOT_FOUND: { 'zh-CN': '找不到该评选活动', en: 'Campaign not found' },
  CAMPAIGN_CATEGORY_NOT_FOUND: { 'zh-CN': '找不到该评选类别', en: 'Category not found' },
  CAMPAIGN_WRONG_PHASE: {
    'zh-CN': '评选当前所处阶段不能进行此操作',
    en: 'The campaign is not in a phase that allows this',
  },
  CAMPAIGN_PHASE_TRANSITION_INVALID: {
    'zh-CN': '评选阶段只能逐步推进，不能跳过或倒退',
    en: 'Phases advance one step at a time',
  },
  CAMPAIGN_RULES_LOCKED: {
    'zh-CN': '投票开始后，投票规则不能再修改',
    en: 'Voting rules are fixed once voting opens',
  },
  CAMPAIGN_RULES_REQUIRED: {
    'zh-CN': '顶层评选须设置投票规则、名额和评审细则',
    en: 'A top-level campaign needs voting rules, quotas and a jury rubric',
  },
  CAMPAIGN_PARENT_OUT_OF_SCOPE: {
    'zh-CN': '子评选须由上级评选所属工会范围内的单位举办',
    en: "A child campaign must be run by an org inside the parent campaign's org subtree",
  },
  MEMBER_IMPORT_HEADER_INVALID: {
    'zh-CN': '第一行须为列名：姓名、手机号（可选：身份证号、所属工会）',
    en: 'The first row must name the columns 姓名 and 手机号 (optionally 身份证号, 所属工会)',
  },
  MEMBER_IMPORT_TOO_LARGE: {
    'zh-CN': '文件行数超过一次导入的上限，请拆分后再导入',
    en: 'The file has more rows than one import takes; split it',
  },
  ROLE_SELF_REVOKE: { 'zh-CN': '不能撤销自己的角色', en: 'You cannot revoke your own role' },
  STATION_CHECK_IN_CODE_INVALID: {
    'zh-CN': '二维码已失效，请扫描驿站门口现在张贴的二维码签到',
    en: "The check-in code is not this station's current one: scan the QR code on its door",
  },
  WISH_PARTNER_NOT_FOUND: { 'zh-CN': '找不到该爱心企业', en: 'Partner not found' },
  WISH_PARTNER_NAME_TAKEN: {
    'zh-CN': '本单位已登记了同名的爱心企业',
    en: 'The org already has a partner of that name',
  },
  WISH_PARTNER_MEMBER_NOT_FOUND: {
    'zh-CN': '没有用这个手机号注册的会员：请对方先注册，再添加',
    en: 'No active member signed up with this mobile: they register first, then staff add them',
  },
  WISH_PARTNER_MEMBER_EXISTS: {
    'zh-CN': '该会员已是这家企业的认领人',
    en: 'This member already claims for the partner',
  },
  WISH_PARTNER_MEMBER_NOT_LISTED: {
    'zh-CN': '该会员不是这家企业的认领人',
    en: 'This member does not claim for the partner',
  },
  WISH_PARTNER_NOT_YOURS: {
    'zh-CN': '只能以工会登记、并把您列为认领人的爱心企业名义认领',
    en: 'You can claim only for a partner whose union has listed you as one of its members',
  },
  WISH_PARTNER_ARCHIVED: {
    'zh-CN': '该爱心企业已停用，不能再认领心愿',
    en: 'The partner is archived and makes no new claims',
  },
  WISH_PARTNER_OUT_OF_SCOPE: {
    'zh-CN': '该爱心企业只能认领其登记工会范围内的心愿',
    en: 'The partner claims only wishes within the union it is registered with',
  },
}

export const pickLang = (acceptLanguage: string | undefined): Lang =>
  acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh-CN'

export const translate = (code: string, lang: Lang, fallback: string): string =>
  ERROR_MESSAGES[code]?.[lang] ?? fallback
