/** UI messages of accounts (API tokens, sign-in limits), merged into the catalogs by web/i18n.ts. */
const en = {
  'tokens.title': 'API tokens',
  'tokens.intro':
    'A token lets a script use the API as you: send it as "Authorization: Bearer <token>". Each token stops working when it expires (at most {max} days) or when you revoke it.',
  'tokens.list': 'Your tokens',
  'tokens.none': 'You have no tokens.',
  'tokens.name': 'Name',
  'tokens.nameHelp': 'What the token is for, e.g. the script that uses it.',
  'tokens.lifetime': 'Valid for',
  'tokens.days': '{days} days',
  'tokens.createdAt': 'Created',
  'tokens.expiresAt': 'Expires',
  'tokens.lastUsedAt': 'Last used',
  'tokens.neverUsed': 'Never',
  'tokens.status': 'Status',
  'tokens.status.active': 'Active',
  'tokens.status.expired': 'Expired',
  'tokens.status.revoked': 'Revoked',
  'tokens.actions': 'Actions',
  'tokens.revoke': 'Revoke',
  'tokens.new': 'New token',
  'tokens.create': 'Create token',
  'tokens.created': 'Token "{name}" created.',
  'tokens.copyNow': 'Copy it now: it is shown only this once.',
  'tokens.error.days': 'Choose between 1 and 365 days.',
  'tokens.error.sessionOnly': 'Tokens are created from a signed-in session, not with another token.',
  'error.tokenInvalid': 'The bearer token is unknown, has expired or has been revoked.',
};

const zhTW: Record<keyof typeof en, string> = {
  'tokens.title': 'API 權杖',
  'tokens.intro': '權杖讓程式以您的身分使用 API：以「Authorization: Bearer <權杖>」送出。權杖到期（最長 {max} 天）或經您撤銷後即失效。',
  'tokens.list': '您的權杖',
  'tokens.none': '您目前沒有權杖。',
  'tokens.name': '名稱',
  'tokens.nameHelp': '權杖的用途，例如使用它的程式。',
  'tokens.lifetime': '有效期間',
  'tokens.days': '{days} 天',
  'tokens.createdAt': '建立時間',
  'tokens.expiresAt': '到期時間',
  'tokens.lastUsedAt': '最後使用',
  'tokens.neverUsed': '從未使用',
  'tokens.status': '狀態',
  'tokens.status.active': '有效',
  'tokens.status.expired': '已到期',
  'tokens.status.revoked': '已撤銷',
  'tokens.actions': '操作',
  'tokens.revoke': '撤銷',
  'tokens.new': '新增權杖',
  'tokens.create': '建立權杖',
  'tokens.created': '已建立權杖「{name}」。',
  'tokens.copyNow': '請立即複製：權杖只會顯示這一次。',
  'tokens.error.days': '請選擇 1 到 365 天。',
  'tokens.error.sessionOnly': '權杖須於登入後建立，不能以其他權杖建立。',
  'error.tokenInvalid': '此 Bearer 權杖不存在、已到期或已撤銷。',
};

declare module '../../web/i18n.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- adds this module's keys to the known ones
  interface Messages extends Record<keyof typeof en, string> {}
}

export const accountMessages = { en, zhTW };
