/**
 * The paths of the pages that open, confirm, manage and delete accounts, and of the privacy notice; without the
 * language prefix, as in web/paths.ts (`href(lang, path)` adds it). The layout links to signup, account and privacy
 * by the same literals.
 */
export const signUpPath = '/signup';
export const signUpResendPath = '/signup/resend';
/** The page a mailed confirmation link opens: a button that confirms (a mail scanner fetching the link confirms nothing). */
export const confirmPath = (token: string) => `/confirm/${encodeURIComponent(token)}`;
export const resetRequestPath = '/password-reset';
export const resetPath = (token: string) => `${resetRequestPath}/${encodeURIComponent(token)}`;
export const accountPath = '/account';
export const accountDeletePath = '/account/delete';
export const accountDeletedPath = '/account/deleted';
/** The admin's page of accounts and the roles they hold; `email` finds one. */
export const usersPath = (email?: string) => (email ? `/account/users?email=${encodeURIComponent(email)}` : '/account/users');
export const userGrantsPath = (user: { id: number }) => `/account/users/${user.id}/grants`;
export const userGrantRevokePath = (user: { id: number }, grant: { id: number }) => `${userGrantsPath(user)}/${grant.id}/revoke`;
export const privacyPath = '/privacy';
/** The sign-in page with a notice of what just happened (an address confirmed, a password changed). */
export const signedOutNoticePath = (notice: 'confirmed' | 'reset') => `/login?notice=${notice}`;
