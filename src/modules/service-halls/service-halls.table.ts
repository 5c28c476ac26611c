import type { Generated } from 'kysely';

// Table interfaces of service halls (camelCase; the CamelCasePlugin maps them to snake_case columns).
// Items belong to the service catalogue; these tables only point at serviceItem.id.

/** A service hall (政务服务大厅 / 服务站) at district, street or community level. */
export interface ServiceHallTable {
  id: Generated<number>;
  /** Public code, e.g. GM-D01 (district), GM-S01 (street), GM-C001 (community). */
  code: string;
  /** district / street / community */
  level: string;
  name: string;
  /** The street hall a community hall belongs to; the district hall for a street hall. */
  parentId: number | null;
  /** The street (街道) the hall serves, for the public filter; '' for the district hall. */
  street: string;
  address: string;
  lat: number | null;
  lng: number | null;
  phone: string;
  /** JSON: seven lists (Monday first) of [from, to] 'HH:MM' periods; an empty list is a closed day. */
  weeklyHours: string;
  /** 午间延时服务: the lunchtime period the hall stays open, 'HH:MM' each, '' when none. */
  lunchFrom: string;
  lunchTo: string;
  /** 1 when the hall opens on public holidays with its weekday hours. */
  opensOnHolidays: number;
  /** Weekend and evening service in words (周六上午、工作日延至20:00 …). */
  extraService: string;
  transport: string;
  accessibility: string;
  /** The services offered, in words (the windows list the items). */
  services: string;
  /** 1 while the hall is in service; closed halls drop out of the public pages. */
  active: number;
  createdAt: string;
  updatedAt: string;
}

/** A window (窗口) of a hall and the department behind it. */
export interface ServiceWindowTable {
  id: Generated<number>;
  hallId: number;
  /** Window number shown above the counter (A01, 3 …), unique within its hall. */
  number: string;
  name: string;
  /** comprehensive (综合受理) / delivery (出件) / specialised (专业) / enquiry (咨询) */
  kind: string;
  departmentId: number | null;
  notes: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

/** An item a window accepts (many-to-many). */
export interface ServiceWindowItemTable {
  windowId: number;
  itemId: number;
}

/** A 24-hour self-service terminal (24小时自助终端), in a hall or standing alone. */
export interface ServiceTerminalTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** The hall it stands in, or null for a standalone terminal. */
  hallId: number | null;
  /** hall / bank / community_centre / industrial_park / other */
  placeKind: string;
  street: string;
  address: string;
  lat: number | null;
  lng: number | null;
  /** Service hours in words; '00:00-24:00' for round the clock. */
  hours: string;
  /** 0: the items flagged selfServiceTerminal in the catalogue; 1: its own list in serviceTerminalItem. */
  customItems: number;
  active: number;
  createdAt: string;
  updatedAt: string;
}

/** An item on a terminal with its own list. */
export interface ServiceTerminalItemTable {
  terminalId: number;
  itemId: number;
}

export interface ServiceHallsTables {
  serviceHall: ServiceHallTable;
  serviceWindow: ServiceWindowTable;
  serviceWindowItem: ServiceWindowItemTable;
  serviceTerminal: ServiceTerminalTable;
  serviceTerminalItem: ServiceTerminalItemTable;
}
