/** The one-click follow / stop-following button other modules put on their pages (a sign-in link for visitors). */
import { href, type PageContext } from '../../../web/context.js';
import { t } from '../../../web/i18n.js';
import { CsrfField } from '../../../web/ui/index.js';
import type { FollowTargetRef } from '../notifications.model.js';
import { followPath, unfollowPath } from '../notifications.paths.js';

/**
 * `returnTo` is the language-free site path of the page the button is on; after the post the person comes back
 * to it in the page's language. `following` says whether they follow the target now (service isFollowing()).
 */
export function FollowButton(props: { ctx: PageContext; target: FollowTargetRef; following: boolean; returnTo: string }) {
  const { ctx, target } = props;
  const { lang } = ctx;
  if (!ctx.actor) {
    return (
      <p class="follow">
        <a href={href(lang, `/login?next=${encodeURIComponent(href(lang, props.returnTo))}`)}>{t(lang, 'notifications.follow.signIn')}</a>
      </p>
    );
  }
  return (
    <form method="post" action={href(lang, props.following ? unfollowPath : followPath)} class="follow inline-form">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="target_type" value={target.type} />
      <input type="hidden" name="target_id" value={String(target.id)} />
      <input type="hidden" name="return_to" value={href(lang, props.returnTo)} />
      {props.following ? (
        <>
          <span>{t(lang, 'notifications.following')}</span> <button type="submit">{t(lang, 'notifications.unfollow')}</button>
        </>
      ) : (
        <button type="submit">{t(lang, `notifications.follow.${target.type}`)}</button>
      )}
    </form>
  );
}
