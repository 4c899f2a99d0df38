import { MESSAGES, formatIssue, type Issue, type Locale } from '../../scoring/index.ts';

type Template = Readonly<Record<Locale, string>>;

/**
 * The records module's issue codes: what is wrong and what to do, in zh-CN and en (same shape as
 * scoring's MESSAGES; src/issueMessages.ts merges them into the app's catalogue).
 */
export const RECORD_MESSAGES: Readonly<Record<string, Template>> = {
  // reading any file
  not_psyscreen_file: { 'zh-CN': '这不是 PsyScreen 文件（这里需要 {expected}）。请检查是否选错了文件。', en: 'This is not a PsyScreen file (expected {expected}). Check that you chose the right file.' },
  wrong_file_kind: { 'zh-CN': '选错了文件类型：这是 {received}，这里需要 {expected}。', en: 'Wrong kind of file: this is {received}, but {expected} is needed here.' },
  file_damaged: { 'zh-CN': '文件已损坏或不完整（可能复制时中断）。请从原来的电脑或发送方重新导出一份。', en: 'The file is damaged or incomplete (perhaps a copy was cut short). Export it again from the original computer or ask the sender for a new copy.' },
  made_by_newer_version: { 'zh-CN': '此文件由更新版本的 PsyScreen 制作（{kind} 第 {version} 版，本程序只支持到第 {supported} 版）。请先更新 PsyScreen，再打开它。', en: 'This file was made by a newer PsyScreen ({kind} version {version}; this copy reads up to version {supported}). Update PsyScreen, then open it again.' },
  unknown_version: { 'zh-CN': '无法识别的文件版本（{kind} 第 {version} 版）。文件可能已损坏，请重新导出。', en: 'Unknown file version ({kind} version {version}). The file may be damaged; export it again.' },
  bad_bytes: { 'zh-CN': '二进制数据（Base64）长度或格式不对。文件可能被改动或截断，请重新导出。', en: 'Binary (Base64) data has the wrong length or form. The file may have been edited or cut short; export it again.' },
  bad_timestamp: { 'zh-CN': '时间应写成 ISO 格式，例如 2026-09-01T08:00:00Z。', en: 'A time is written in ISO form, e.g. 2026-09-01T08:00:00Z.' },
  bad_id: { 'zh-CN': '标识只能包含字母、数字、连字符和下划线（最多 100 个字符）。', en: 'An id uses letters, digits, hyphens and underscores only (at most 100 characters).' },
  bad_key_id: { 'zh-CN': '密钥编号应为 16 位十六进制数字。', en: 'A key id is 16 hex digits.' },
  bad_sha256: { 'zh-CN': '校验值应为 64 位十六进制数字（sha-256）。', en: 'A checksum is 64 hex digits (sha-256).' },
  // keys and passphrases
  key_name_missing: { 'zh-CN': '请为密钥起一个名字，例如“XX中学 2026 心理筛查”。', en: 'Give the key a name, e.g. "No. 1 Middle School 2026 screening".' },
  passphrase_too_short: { 'zh-CN': '口令太短：至少需要 {minimum} 个字符（现在 {length} 个）。建议用一句只有你知道的话。', en: 'The passphrase is too short: it needs at least {minimum} characters (it has {length}). A sentence only you know works well.' },
  passphrase_common: { 'zh-CN': '这个口令在常见口令名单里（或只差一点），很容易被猜到。请换一句只有你知道的话，例如把几个不相关的词连在一起。', en: 'This passphrase is on (or close to) the lists of common passwords, so it is easy to guess. Choose a sentence only you know, e.g. several unrelated words together.' },
  passphrase_pattern: { 'zh-CN': '这个口令是键盘上的一排、连续的数字或字母、重复或日期，很容易被猜到。请换一句只有你知道的话。', en: 'This passphrase is a keyboard row, a run of digits or letters, a repeat or a date, so it is easy to guess. Choose a sentence only you know.' },
  passphrase_personal: { 'zh-CN': '这个口令主要由学校或密钥的名称组成，别人很容易想到。请换一句只有你知道的话。', en: 'This passphrase is mostly the school\'s or the key\'s name, which others can easily think of. Choose a sentence only you know.' },
  passphrase_guessable: { 'zh-CN': '这个口令还不够难猜。请再加几个不相关的字或词，或换一句只有你知道的话。', en: 'This passphrase is still too easy to guess. Add a few unrelated words or characters, or choose a sentence only you know.' },
  passphrase_too_simple: { 'zh-CN': '口令太简单：至少要有 {minimum} 个不同的字符。请换一个更难猜的口令。', en: 'The passphrase is too simple: it needs at least {minimum} different characters. Choose one that is harder to guess.' },
  passphrase_wrong: { 'zh-CN': '口令不正确，或者文件中的口令参数（盐值、校验值或迭代次数）已损坏：两者在打开前无法区分。请检查大小写、输入法（全角/半角）和键盘布局后重试；若确定口令无误，说明文件已损坏，请用备份或重新索取的文件。', en: 'The passphrase is wrong, or the file\'s passphrase parameters (salt, check value or iteration count) are damaged: the two cannot be told apart before opening. Check capitals, the input method (full-width/half-width) and the keyboard layout, then try again; if you are sure of the passphrase, the file is damaged: use a backup or ask for a new copy.' },
  backup_passphrase_same: { 'zh-CN': '备份口令不能与日常使用的口令相同。请另设一个，并与备份文件分开保管。', en: 'The backup passphrase must differ from the everyday passphrase. Choose another one and keep it apart from the backup file.' },
  key_file_damaged: { 'zh-CN': '口令正确，但密钥数据已损坏或被改动，无法使用。请用密钥备份文件恢复。', en: 'The passphrase is right, but the key data are damaged or were altered and cannot be used. Restore the key from its backup file.' },
  key_id_mismatch: { 'zh-CN': '公钥与其编号（{keyId}）不符，文件已损坏或被改动。请向对方重新索取公钥文件，并电话核对编号。', en: 'The public key does not match its id ({keyId}); the file is damaged or was altered. Ask for the public key file again and compare the id by phone.' },
  public_key_invalid: { 'zh-CN': '公钥数据无效，不能用来加密。请向对方重新索取公钥文件（.psykey）。', en: 'The public key is not valid and cannot be used for encryption. Ask for the public key file (.psykey) again.' },
  // opening sealed files
  other_key: { 'zh-CN': '此文件是加密给另一把密钥（编号 {keyId}）的，当前解锁的密钥编号为 {ours}。请用对应学校或对应筛查计划的密钥打开。', en: 'This file is sealed to another key (id {keyId}); the unlocked key is {ours}. Open it with the key of the school or screening plan it was made for.' },
  needs_key: { 'zh-CN': '此文件需要用学校密钥（编号 {keyId}）打开，而不是口令。请先解锁学校密钥。', en: 'This file opens with a school key (id {keyId}), not a passphrase. Unlock the school key first.' },
  needs_passphrase: { 'zh-CN': '此文件是用口令加密的。请输入发送方告诉你的口令。', en: 'This file is protected by a passphrase. Enter the passphrase the sender gave you.' },
  tampered: { 'zh-CN': '完整性校验失败：文件已损坏或被改动过。不要使用此文件，请向发送方重新索取。', en: 'Integrity check failed: the file is damaged or was altered. Do not use it; ask the sender for a new copy.' },
  content_invalid: { 'zh-CN': '文件能打开，但内容不符合格式要求，未导入。请把此文件交给技术支持人员检查。', en: 'The file opens, but its content does not fit the format and was not imported. Give the file to technical support.' },
  // batches and exports
  batch_manifest_missing: { 'zh-CN': '压缩包里没有清单文件（manifest.json），无法导入。请重新导出。', en: 'The archive has no manifest (manifest.json) and cannot be imported. Export it again.' },
  batch_manifest_damaged: { 'zh-CN': '清单文件（manifest.json）已损坏，无法导入。请重新导出。', en: 'The manifest (manifest.json) is damaged; nothing was imported. Export again.' },
  batch_count_mismatch: { 'zh-CN': '清单写明有 {count} 份，实际列出 {listed} 份。清单已损坏，请重新导出。', en: 'The manifest says {count} entries but lists {listed}. It is damaged; export again.' },
  batch_entry_missing: { 'zh-CN': '清单中的 {id} 在文件里找不到，已单独列出。请从原来的电脑重新导出。', en: 'Entry {id} is listed but missing from the file; it is listed separately. Export again from the original computer.' },
  batch_entry_too_large: { 'zh-CN': '{id} 大得不正常，未打开，已单独列出。', en: 'Entry {id} is abnormally large; it was not opened and is listed separately.' },
  batch_checksum_mismatch: { 'zh-CN': '{id} 的校验值与清单不符（传输中损坏或被改动），已单独保存，未导入。请从原来的电脑重新导出。', en: 'Entry {id} does not match its checksum (damaged in transfer or altered); it is kept aside, not imported. Export again from the original computer.' },
  batch_id_mismatch: { 'zh-CN': '清单中的编号 {id} 与加密内容中的编号 {inside} 不一致，已单独保存，未导入。', en: 'Id {id} in the manifest differs from id {inside} inside the sealed data; kept aside, not imported.' },
  batch_entry_not_in_manifest: { 'zh-CN': '文件 {file} 不在清单中，已单独保存，未导入。', en: 'File {file} is not in the manifest; kept aside, not imported.' },
  submission_result_missing: { 'zh-CN': '已完成的作答缺少评分结果。', en: 'A completed submission has no scoring result.' },
  submission_declined_with_result: { 'zh-CN': '拒答的记录不应带有评分结果。', en: 'A declined submission must not carry a scoring result.' },
  export_cancelled: { 'zh-CN': '导出已取消（已处理 {done}/{total}），没有生成文件。', en: 'Export cancelled ({done} of {total} done); no file was made.' },
  // records
  wave_original_missing: { 'zh-CN': '已完成的测评必须以“original”（当时的原始结果）开头。', en: 'A completed wave must start with its "original" result (as computed at the time).' },
  record_duplicate_id: { 'zh-CN': '编号 {id} 在档案中出现了两次。', en: 'Id {id} appears twice in the record.' },
  record_other_student: { 'zh-CN': '这两份档案不属于同一名学生（学号与出生日期、或全国学籍号都不相符），未合并。', en: 'These records are not the same student (neither student number and birth date nor national student id match); not merged.' },
  record_ambiguous_match: { 'zh-CN': '本校有 {count} 份档案与导入的学生相符，无法自动合并。请先核对并合并本校的重复档案。', en: '{count} records in this workspace match the incoming student, so it cannot be merged automatically. Check and merge the duplicates first.' },
  identity_name_differs: { 'zh-CN': '姓名不一致：本校为“{existing}”，导入文件为“{incoming}”。请核对后确认保留哪一个。', en: 'Names differ: "{existing}" here, "{incoming}" in the file. Check and confirm which to keep.' },
  identity_sex_differs: { 'zh-CN': '性别不一致：本校为 {existing}，导入文件为 {incoming}。请核对后确认。', en: 'Sex differs: {existing} here, {incoming} in the file. Check and confirm.' },
  identity_birth_date_differs: { 'zh-CN': '出生日期不一致：本校为 {existing}，导入文件为 {incoming}。请核对后确认。', en: 'Birth dates differ: {existing} here, {incoming} in the file. Check and confirm.' },
  identity_national_id_differs: { 'zh-CN': '全国学籍号不一致：本校为 {existing}，导入文件为 {incoming}。请核对后确认。', en: 'National student ids differ: {existing} here, {incoming} in the file. Check and confirm.' },
  wave_differs: { 'zh-CN': '测评 {wave} 在两份档案中的作答内容不同，保留了本校的版本。请核对。', en: 'Wave {wave} has different answers in the two records; the workspace version was kept. Please check.' },
  wave_result_differs: { 'zh-CN': '测评 {wave} 的结果“{label}”在两份档案中不同，保留了本校的版本。', en: 'Result "{label}" of wave {wave} differs between the records; the workspace version was kept.' },
  review_differs: { 'zh-CN': '测评 {wave} 的等级确认 {id} 在两份档案中不同，保留了本校的版本。', en: 'Tier review {id} of wave {wave} differs between the records; the workspace version was kept.' },
  follow_up_differs: { 'zh-CN': '跟进记录 {id} 在两份档案中内容不同但修改时间相同，保留了本校的版本。请核对。', en: 'Follow-up entry {id} differs between the records with the same edit time; the workspace version was kept. Please check.' },
  audit_differs: { 'zh-CN': '操作日志 {id} 在两份档案中不同，保留了本校的版本。', en: 'Audit entry {id} differs between the records; the workspace version was kept.' },
  export_manifest_size_mismatch: { 'zh-CN': '导出清单中档案 {id} 的大小（{listed} 字节）与文件实际大小（{actual} 字节）不符：清单被改动过。档案本身已通过校验并导入，但请向导出方核实这份导出是否完整。', en: 'The export manifest lists record {id} as {listed} bytes but the file is {actual} bytes: the manifest was altered. The record itself checked out and was imported; ask the sender whether the export is complete.' },
  export_manifest_recipient_mismatch: { 'zh-CN': '导出清单所写的接收方与档案 {id} 实际加密给的对象不符：清单被改动过。档案本身已通过校验并导入，但请向导出方核实。', en: 'The export manifest names a different recipient from the one record {id} is actually sealed to: the manifest was altered. The record itself checked out and was imported; check with the sender.' },
  json_file_damaged: { 'zh-CN': '这个 {expected} 文件已损坏：内容不是完整的 JSON（{detail}），可能在复制或传输中被截断或改动。请重新导出，或向对方重新索取。', en: 'This {expected} file is damaged: its content is not complete JSON ({detail}); it may have been cut off or changed in copying. Export it again or ask the sender for a new copy.' },
  key_id_damaged: { 'zh-CN': '此文件是加密给本校密钥的，但文件头中的密钥编号已损坏（写的是 {keyId}，本校密钥为 {ours}），文件不能使用。请让对方重新导出。', en: 'This file was sealed to this school\'s key, but the key id in its header is damaged (it says {keyId}; this key is {ours}), so it cannot be used. Ask for it to be exported again.' },
  signature_invalid: { 'zh-CN': '签名校验失败：文件在学校签名之后被改动过，或签名已损坏。不要使用此文件，请向学校重新索取。', en: 'Signature check failed: the file was changed after the school signed it, or the signature is damaged. Do not use it; ask the school for a new copy.' },
  rescore_declined_wave: { 'zh-CN': '测评 {wave} 是拒答记录，没有作答可以重新计分。', en: 'Wave {wave} was declined; there are no answers to re-score.' },
  rescore_instrument_missing: { 'zh-CN': '重新计分需要原来使用的量表版本 {ref}。请把该版本加入量表库后重试。', en: 'Re-scoring needs the instrument version used at the time, {ref}. Add it to the library and try again.' },
  rescore_label_missing: { 'zh-CN': '请为重新计分的结果写一个标签，例如“2027 本地常模”。', en: 'Give the re-scored result a label, e.g. "2027 local norms".' },
  rescore_label_taken: { 'zh-CN': '标签“{label}”已被使用。请换一个标签。', en: 'The label "{label}" is already used. Choose another.' },
};

/** The message for a records issue (or any scoring issue) in the user's language. */
export const formatRecordIssue = (found: Issue, locale: Locale): string => formatIssue(found, locale, { ...MESSAGES, ...RECORD_MESSAGES });
