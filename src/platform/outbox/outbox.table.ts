import type { Generated } from 'kysely';

// Table interfaces (camelCase; the CamelCasePlugin maps them to snake_case columns).

/** One notification (主动推送), written in the transaction of the event that causes it. */
export interface NotificationTable {
  id: Generated<number>;
  /** The caller's key: the same key twice is one notification, ever (unique). */
  dedupeKey: string;
  /** 'enterprise' (key = credit code) or 'user' (key = user id); other modules may add kinds. */
  recipientKind: string;
  recipientKey: string;
  topic: string;
  title: string;
  body: string;
  /** A local path the message links to ('' for none). */
  link: string;
  createdAt: string;
}

/** The in-site inbox (站内信): one message per notification, read or unread. */
export interface InboxMessageTable {
  id: Generated<number>;
  notificationId: number;
  recipientKind: string;
  recipientKey: string;
  readAt: string | null;
  createdAt: string;
}

/** One attempt-tracked delivery of a notification over one external channel. */
export interface DeliveryTable {
  id: Generated<number>;
  notificationId: number;
  /** email / sms / wechat / webhook */
  channel: string;
  /** E-mail address, mobile, WeChat openid or webhook URL, fixed when the notification was written. */
  address: string;
  /** pending / sending (claimed by a worker) / sent / failed (waiting for a retry) / dead */
  status: string;
  attempts: number;
  /** When the delivery may next be tried (quiet hours and back-off push it later). */
  nextAttemptAt: string;
  /** Sent to every channel that takes one (webhook header, SMS SessionContext, mail Message-ID). */
  idempotencyKey: string;
  lastError: string | null;
  /** The gateway's reference (message id, serial number, msgid). */
  providerRef: string | null;
  sentAt: string | null;
  lockedBy: string | null;
  lockedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A recipient's choice for one channel; a recipient with no rows gets the default channels. */
export interface RecipientChannelTable {
  id: Generated<number>;
  recipientKind: string;
  recipientKey: string;
  channel: string;
  /** 0/1 */
  enabled: number;
  address: string;
  /** HMAC key of the webhook channel ('' otherwise); kept to sign, shown to the recipient once. */
  webhookSecret: string;
  updatedAt: string;
}

/** A capability to unsubscribe a recipient without signing in (the link in every e-mail). */
export interface UnsubscribeTokenTable {
  id: Generated<number>;
  /** 32 random bytes, base64url. */
  token: string;
  recipientKind: string;
  recipientKey: string;
  /** The channel it turns off, or 'all'. */
  channel: string;
  createdAt: string;
  usedAt: string | null;
}

/** The tables this part owns, gathered into db/database.ts. */
export interface OutboxTables {
  notification: NotificationTable;
  inboxMessage: InboxMessageTable;
  delivery: DeliveryTable;
  recipientChannel: RecipientChannelTable;
  unsubscribeToken: UnsubscribeTokenTable;
}
