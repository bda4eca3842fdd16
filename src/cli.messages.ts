/**
 * Messages of the `cocreate` command and of the server's console refusals, merged by web/i18n.ts; also the office
 * calendar's import problems, since that calendar is loaded only from the command line.
 */
const en = {
  'cli.holder.server': 'the Cocreate server (pid {pid}, running since {since})',
  'cli.holder.command': 'the command “cocreate {command}” (pid {pid}, running since {since})',
  'cli.holder.unknown': 'another process',
  'cli.locked.server':
    'The database in {dir} is already open in {holder}. Only one process may open an embedded database at a time, so this server did not start. Stop the other process first, or use PostgreSQL (DATABASE_URL), where several may run.',
  'cli.locked.command':
    'The database in {dir} is open in {holder}; nothing was changed. Stop it first (Ctrl+C in its terminal), then run this command again. While the server runs, import through its API with a secretariat API token instead: POST /api/v1/transcripts (README, “Command line”).',
  'cli.unknownCommand': 'Unknown command: {command}',
  'cli.needFiles': '{command} needs at least one FILE.',
  'cli.badOption': '--{option} {value}: {message}',
  'cli.readFailed': '{file}: cannot be read ({reason}).',
  'cli.fileTooLarge':
    '{file}: {size} bytes; an import takes at most {max} bytes (the API’s limit). Split the record by session, or give --force to import it anyway.',
  'cli.moreProblems': '{file}: … and {count} more problems.',
  'cli.nothingLoaded': 'Nothing was loaded.',
  'cli.migrate.applied': 'Applied: {names}',
  'cli.migrate.upToDate': 'Nothing to apply: the database is up to date.',
  'cli.seed.notEmpty': 'The database already has plans or agencies; nothing was loaded (use --force to add the demo plan anyway).',
  'cli.seed.loaded': 'Loaded the demo plan (5 areas, 19 commitments).',
  'cli.transcript.published': '{file}: imported as {slug}, published.',
  'cli.transcript.draft': '{file}: imported as {slug}, a draft until {date}.',
  'cli.transcript.failed': '{count} of {total} files were not imported.',
  'cli.calendar.loaded': 'Loaded {count} days ({first} to {last}); the office calendar now covers {from} to {to}.',
  'cli.reindex.done': 'Rebuilt the search index: {count} published transcripts in {seconds} s.',
  'cli.user.needEmailRole': 'create-user needs --email and --role.',
  'cli.user.badRole': '--role must be one of {roles}.',
  'cli.user.noAgency': 'No agency has the code {code}.',
  'cli.user.passwordNeeded': 'Set COCREATE_PASSWORD, or run in a terminal to be asked for the password.',
  'cli.user.passwordPrompt': 'Password (at least 12 characters): ',
  'cli.user.created': 'Created user #{id} {email} ({role}).',
  'calendar.error.syntax': 'Line {line}: This is not CSV that can be read (an unclosed quote, or not text at all).',
  'calendar.error.header': 'Line {line}: The header lacks the column(s) {columns}.',
  'calendar.error.date': 'Line {line}: “{value}” is not a real date written YYYYMMDD.',
  'calendar.error.flag': 'Line {line}: 是否放假 is “{value}”; it must be 2 (a day off) or 0 (a working day).',
  'calendar.error.weekday': 'Line {line}: {day} is a 星期{expected}, not 星期{value}.',
  'calendar.error.duplicate': 'Line {line}: {day} is already given on line {firstLine}.',
  'calendar.error.empty': 'Line {line}: The file has no days.',
} as const;

const zhTW: Record<keyof typeof en, string> = {
  'cli.holder.server': 'Cocreate 伺服器（pid {pid}，自 {since} 起執行）',
  'cli.holder.command': '指令「cocreate {command}」（pid {pid}，自 {since} 起執行）',
  'cli.holder.unknown': '另一個行程',
  'cli.locked.server':
    '{dir} 的資料庫已由 {holder} 開啟。內嵌資料庫同一時間只能由一個行程開啟，因此本伺服器沒有啟動。請先停止另一個行程，或改用 PostgreSQL（DATABASE_URL），即可同時執行多個。',
  'cli.locked.command':
    '{dir} 的資料庫正由 {holder} 開啟，未做任何變更。請先停止它（在它的終端機按 Ctrl+C）再執行本指令；伺服器執行期間，請改用幕僚單位的 API 權杖透過 API 匯入：POST /api/v1/transcripts（見 README「Command line」）。',
  'cli.unknownCommand': '沒有這個指令：{command}',
  'cli.needFiles': '{command} 至少需要一個檔案（FILE）。',
  'cli.badOption': '--{option} {value}：{message}',
  'cli.readFailed': '{file}：無法讀取（{reason}）。',
  'cli.fileTooLarge': '{file}：{size} 位元組，超過匯入上限 {max} 位元組（與 API 相同）。請依場次分割紀錄，或加上 --force 仍要匯入。',
  'cli.moreProblems': '{file}：……另有 {count} 個問題。',
  'cli.nothingLoaded': '未載入任何資料。',
  'cli.migrate.applied': '已套用：{names}',
  'cli.migrate.upToDate': '沒有待套用的遷移：資料庫已是最新。',
  'cli.seed.notEmpty': '資料庫已有計畫或機關，未載入任何資料（加上 --force 仍可加入示範計畫）。',
  'cli.seed.loaded': '已載入示範計畫（5 個領域、19 項承諾）。',
  'cli.transcript.published': '{file}：已匯入為 {slug}，已公開。',
  'cli.transcript.draft': '{file}：已匯入為 {slug}，在 {date} 之前為草稿。',
  'cli.transcript.failed': '{total} 個檔案中有 {count} 個未匯入。',
  'cli.calendar.loaded': '已載入 {count} 天（{first} 至 {last}）；辦公日曆現涵蓋 {from} 至 {to}。',
  'cli.reindex.done': '已重建搜尋索引：{count} 份已公開的逐字稿，費時 {seconds} 秒。',
  'cli.user.needEmailRole': 'create-user 需要 --email 與 --role。',
  'cli.user.badRole': '--role 必須是下列之一：{roles}。',
  'cli.user.noAgency': '沒有代碼為 {code} 的機關。',
  'cli.user.passwordNeeded': '請設定 COCREATE_PASSWORD，或在終端機中執行以輸入密碼。',
  'cli.user.passwordPrompt': '密碼（至少 12 個字元）：',
  'cli.user.created': '已建立使用者 #{id} {email}（{role}）。',
  'calendar.error.syntax': '第 {line} 行：無法讀取為 CSV（引號未閉合，或根本不是文字）。',
  'calendar.error.header': '第 {line} 行：標題列缺少欄位 {columns}。',
  'calendar.error.date': '第 {line} 行：「{value}」不是以 YYYYMMDD 書寫的有效日期。',
  'calendar.error.flag': '第 {line} 行：是否放假為「{value}」，應為 2（放假）或 0（上班）。',
  'calendar.error.weekday': '第 {line} 行：{day} 是星期{expected}，不是星期{value}。',
  'calendar.error.duplicate': '第 {line} 行：{day} 已在第 {firstLine} 行出現。',
  'calendar.error.empty': '第 {line} 行：檔案中沒有任何日期。',
};

export const cliMessages = { en, zhTW };
