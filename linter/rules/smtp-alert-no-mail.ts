import { defineRule, statementsNamed } from '../types';
import { checkTrueFalse } from '../values';

/** The keywords that turn e-mail alerts on: per object, and the defaults in global_defs. */
const ALERTS = ['smtp_alert', 'smtp_alert_vrrp', 'smtp_alert_checker'];

/**
 * keepalived sends an alert only when global_defs names an SMTP server and at least one address in
 * notification_email (smtp_alert, smtp.c, 2.2.7); otherwise it drops every alert without a word,
 * and `keepalived -t` accepts the configuration. An explicit `smtp_alert` then asks for mail that
 * never comes. (Real servers alert by default: only lines that ask are reported.)
 */
export default defineRule({
  id: 'smtp-alert-no-mail',
  meta: { severity: 'warning', fixable: false, category: 'semantic' },
  description:
    'smtp_alert turned on while global_defs lacks smtp_server or notification_email addresses: keepalived sends no e-mail.',
  messages: {
    noServer:
      '{keyword} is on, but global_defs has no smtp_server: keepalived sends no e-mail. Add smtp_server (and notification_email) to global_defs.',
    noEmail:
      '{keyword} is on, but global_defs has no notification_email addresses: keepalived sends no e-mail. List the recipients in a notification_email block.',
    neither:
      '{keyword} is on, but global_defs has neither smtp_server nor notification_email: keepalived sends no e-mail. Add both to global_defs.',
  },
  check(ctx) {
    // The statement index leaves out the blocks keepalived skips unread; `spec`: a keyword it knows there.
    const body = ctx.parse.body;
    const alerts = ALERTS.flatMap((k) => statementsNamed(body, k)).filter(
      (s) => s.spec && !s.args[0]?.opaque && checkTrueFalse(s.args[0]?.text) === true,
    );
    if (alerts.length === 0) return;
    const server = statementsNamed(body, 'smtp_server').some((s) => s.spec && s.args.length > 0);
    const email = statementsNamed(body, 'notification_email').some(
      (s) => s.spec && (s.entries ?? []).some((e) => e.length > 0),
    );
    if (server && email) return;
    const messageId = server ? 'noEmail' : email ? 'noServer' : 'neither';
    for (const s of alerts) ctx.report({ loc: s.keyword, messageId, data: { keyword: s.keyword.text } });
  },
});
