/**
 * The privacy notice (/privacy), paragraph by paragraph, in both languages: what accounts collect and why, what is
 * public, what deleting an account removes and what is kept, and the person's rights under Taiwan's Personal Data
 * Protection Act (個人資料保護法). Joined to the accounts catalog.
 */
export const privacyEn = {
  'accounts.privacy.title': 'Privacy notice',
  'accounts.privacy.intro':
    'This notice is given under Article 8 of Taiwan\'s Personal Data Protection Act. "We" are the operator of this site: the secretariat that runs the co-creation and monitoring of the open-government action plan on behalf of its forum. We collect personal data only to let you take part in that public process, and use it for nothing else.',
  'accounts.privacy.collect.title': 'What we collect, and why',
  'accounts.privacy.collect.account':
    'To open your account: your e-mail address (to sign you in, and to send you the confirmation and password-reset links and notices about your account), your password (stored only as an argon2id hash, which cannot be turned back into the password) and a display name (shown beside what you contribute).',
  'accounts.privacy.collect.profile':
    'Your profile: your stakeholder group, and if you wish your organisation and region. We use them to count participation by stakeholder group and region, so the co-creation can show whether it reached government, civil society, academia, the private sector, indigenous peoples, new immigrants, young people and every part of Taiwan; and, only if you choose a public profile, to show others who you are.',
  'accounts.privacy.collect.records':
    'While you use the site: a session cookie that keeps you signed in (for at most 14 days), a cookie that protects forms against forgery, counters of failed sign-ins and of requests from your network address (to stop password guessing and bulk sign-ups; forgotten after at most 24 hours), and when you confirmed your address.',
  'accounts.privacy.collect.contributions':
    'What you do here as part of the process: the working groups you join, nominations, votes (which are secret: no page or API shows who voted for whom), and anything else you contribute, linked to your account.',
  'accounts.privacy.collect.none':
    'We use no advertising, no tracking and no analytics services, and we give your data to no one. The only other party that handles it is the mail server that delivers our messages to you.',
  'accounts.privacy.public.title': 'What is public',
  'accounts.privacy.public.name': 'Your display name, beside what you contribute in public (a working-group roster lists you only if you agree to be listed).',
  'accounts.privacy.public.profile':
    'Your organisation, stakeholder group and region, only if you choose "public profile". You may change that choice at any time.',
  'accounts.privacy.public.email': 'Your e-mail address is never shown to anyone but you, on any page or through the API.',
  'accounts.privacy.retention.title': 'How long we keep it',
  'accounts.privacy.retention.account':
    "Your account and profile are kept while your account exists; you can correct them yourself at any time. Nothing is kept in backups beyond what the operator's ordinary backups hold, and those are overwritten on their usual cycle.",
  'accounts.privacy.retention.links':
    'A confirmation link works for 48 hours and a password-reset link for one hour; both are removed 30 days after they expire. When this site runs without a mail server, the messages it would have mailed (your address and the link) are written to the server log instead, and kept as the operator keeps that log.',
  'accounts.privacy.delete.title': 'Deleting your account',
  'accounts.privacy.delete.removes':
    'Deleting your account (from "My account") removes at once your e-mail address, name, organisation, stakeholder group, region and password, ends your sessions, and revokes your API tokens, mailed links and roles. Wherever your name stood beside a change or a contribution, "former participant" stands instead.',
  'accounts.privacy.delete.kept':
    'What you contributed in public to this public government process stays, attributed to "former participant": the record of how the plan was co-created must stay complete, so that anyone can check that the process met its public rules. This is within the purpose for which the contributions were collected.',
  'accounts.privacy.delete.history':
    "The history of the plan's content keeps what changed and when, without your name. Figures such as the number of participations by stakeholder group stay as numbers that name nobody.",
  'accounts.privacy.delete.text':
    'If something you wrote names you in its own words, deletion cannot know it: ask us (below) and we will remove your name from that text.',
  'accounts.privacy.rights.title': 'Your rights under the Personal Data Protection Act',
  'accounts.privacy.rights.intro': 'Under Article 3 of the Personal Data Protection Act you may, and no agreement can take these rights from you:',
  'accounts.privacy.rights.review': 'ask whether we hold personal data about you, and see it;',
  'accounts.privacy.rights.copy': 'ask for a copy of it;',
  'accounts.privacy.rights.correct': 'ask us to complete or correct it;',
  'accounts.privacy.rights.stop': 'ask us to stop collecting, processing or using it;',
  'accounts.privacy.rights.erase': 'ask us to erase it.',
  'accounts.privacy.rights.self':
    'Most of this you can do yourself: see and correct your profile on "My account", and erase your account on "Delete my account".',
  'accounts.privacy.rights.required':
    'You need not give us anything: without an e-mail address, a password and a stakeholder group no account can be opened (choose "Other" if no group fits), but reading the site needs no account at all. Your organisation and region are optional.',
  'accounts.privacy.ask.title': 'How to ask',
  'accounts.privacy.ask.how':
    'Write to the secretariat that runs this site from the address of your account (so that we know the account is yours), and say what you would like. We answer a request to see or copy your data within 15 days, and a request to correct, stop using or erase it within 30 days, as Article 13 of the Act sets; if we need longer we tell you why in writing, once, for at most as long again. A copy may cost a fee that covers only its cost (Article 14).',
  'accounts.privacy.ask.complaint': 'If you think we have not kept to the Act, you may also complain to the competent authority.',
};

export const privacyZhTW: Record<keyof typeof privacyEn, string> = {
  'accounts.privacy.title': '隱私權聲明',
  'accounts.privacy.intro':
    '本聲明依《個人資料保護法》第 8 條告知。「我們」指本網站的營運者：代表推動小組辦理開放政府國家行動方案共創與追蹤的幕僚單位。我們蒐集個人資料，只為讓您參與這項公共程序，不作其他用途。',
  'accounts.privacy.collect.title': '我們蒐集什麼、為什麼',
  'accounts.privacy.collect.account':
    '開設帳號時：您的電子郵件地址（用於登入，以及寄送確認連結、重設密碼連結與帳號相關通知）、密碼（只以 argon2id 雜湊值保存，無法還原成密碼），以及顯示名稱（顯示在您的參與內容旁）。',
  'accounts.privacy.collect.profile':
    '您的個人檔案：利害關係人類別，以及您願意提供的所屬組織與地區。我們用來依利害關係人類別與地區統計參與情形，讓共創過程能呈現是否觸及政府、公民團體、學界、私部門、原住民族、新住民、青年與臺灣各地；只有在您選擇公開個人檔案時，才會讓其他人看到。',
  'accounts.privacy.collect.records':
    '您使用本網站時：讓您保持登入的工作階段 Cookie（最長 14 天）、防止表單遭偽造的 Cookie、登入失敗次數與來自您網路位址的請求次數（用於阻擋猜測密碼與大量註冊，最長 24 小時後即不再記得），以及您確認地址的時間。',
  'accounts.privacy.collect.contributions':
    '您在這項程序中的參與：加入的工作分組、提名、投票（採秘密投票：任何網頁或 API 都不會顯示誰投給誰），以及其他與您帳號連結的參與內容。',
  'accounts.privacy.collect.none': '我們不使用廣告、追蹤或流量分析服務，也不把您的資料提供給任何人。唯一經手的第三方，是把我們的信件送達給您的郵件伺服器。',
  'accounts.privacy.public.title': '哪些資料會公開',
  'accounts.privacy.public.name': '您的顯示名稱，會出現在您公開參與的內容旁（工作分組名單只有在您同意列名時才會列出您）。',
  'accounts.privacy.public.profile': '您的所屬組織、利害關係人類別與地區，只有在您選擇「公開個人檔案」時才會公開；您隨時可以改變這個選擇。',
  'accounts.privacy.public.email': '您的電子郵件地址除您本人外，不會在任何網頁或 API 中顯示給任何人。',
  'accounts.privacy.retention.title': '保存多久',
  'accounts.privacy.retention.account': '您的帳號與個人檔案在帳號存續期間保存；您隨時可以自行更正。除營運者例行備份外不另行保存，例行備份依其週期覆寫。',
  'accounts.privacy.retention.links':
    '確認連結有效 48 小時，重設密碼連結有效 1 小時；兩者都在失效 30 天後刪除。本網站未設定郵件伺服器時，原本要寄出的信件（您的地址與連結）會改寫入伺服器紀錄，並依營運者保存該紀錄的方式保存。',
  'accounts.privacy.delete.title': '刪除帳號',
  'accounts.privacy.delete.removes':
    '在「我的帳號」刪除帳號，會立即移除您的電子郵件地址、姓名、所屬組織、利害關係人類別、地區與密碼，結束您的工作階段，並撤銷您的 API 權杖、寄出的連結與角色。原本顯示您姓名的修改紀錄與參與內容，改為顯示「前參與者」。',
  'accounts.privacy.delete.kept':
    '您在這項公共政府程序中公開參與的內容會保留，並標示為「前參與者」所提出：行動方案的共創紀錄必須完整，任何人才能檢驗這個過程是否遵守公開的規則。這仍在當初蒐集這些內容的目的範圍內。',
  'accounts.privacy.delete.history':
    '方案內容的修改紀錄保留改了什麼、何時改，但不保留您的姓名。依利害關係人類別統計的參與人次等數字，僅以不指名任何人的數字保留。',
  'accounts.privacy.delete.text': '若您寫下的內容本身提到您的姓名，刪除帳號無從得知：請依下方方式告訴我們，我們會從該段文字中移除您的姓名。',
  'accounts.privacy.rights.title': '您依《個人資料保護法》享有的權利',
  'accounts.privacy.rights.intro': '依《個人資料保護法》第 3 條，您可以行使下列權利，且不得預先拋棄或以特約限制：',
  'accounts.privacy.rights.review': '查詢我們是否保有您的個人資料，並請求閱覽；',
  'accounts.privacy.rights.copy': '請求製給複製本；',
  'accounts.privacy.rights.correct': '請求補充或更正；',
  'accounts.privacy.rights.stop': '請求停止蒐集、處理或利用；',
  'accounts.privacy.rights.erase': '請求刪除。',
  'accounts.privacy.rights.self': '其中大部分您可以自行辦理：在「我的帳號」檢視與更正個人檔案，在「刪除我的帳號」刪除帳號。',
  'accounts.privacy.rights.required':
    '您可以自由選擇是否提供資料：沒有電子郵件地址、密碼與利害關係人類別就無法開設帳號（若沒有合適的類別，請選「其他」），但瀏覽本網站完全不需要帳號。所屬組織與地區為選填。',
  'accounts.privacy.ask.title': '如何提出請求',
  'accounts.privacy.ask.how':
    '請以帳號的電子郵件地址寫信給營運本網站的幕僚單位（讓我們確認帳號屬於您），說明您的請求。依本法第 13 條，查詢、閱覽或製給複製本的請求，我們於 15 日內答覆；更正、停止利用或刪除的請求，於 30 日內答覆；必要時得延長一次，延長期間不超過原期間，並以書面告知原因。製給複製本得酌收必要成本費用（第 14 條）。',
  'accounts.privacy.ask.complaint': '若您認為我們未遵守本法，也可以向主管機關申訴。',
};
