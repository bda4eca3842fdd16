/** People: profiles, regions, and what is left of a deleted account (issue #11). Pure. */

/** Regions of Taiwan as the forum's meetings are spread (北、中、南、東、離島), and online. */
export const REGIONS = ['north', 'central', 'south', 'east', 'offshore', 'online'] as const;
export type Region = (typeof REGIONS)[number];

/** What others may see of a person: the name, and the profile only when its owner made it public. Never the e-mail. */
export interface PublicPerson {
  id: number;
  /** Null once the account is deleted: views say "former participant" (people.formerParticipant). */
  displayName: string | null;
  organisation: string | null;
  stakeholderGroup: string | null;
  region: Region | null;
  profilePublic: boolean;
  deleted: boolean;
}

/** What the electorate rule of a call for nominations reads of an account (roster's isCivilSocietyParticipant). */
export interface AccountStanding {
  id: number;
  role: string;
  emailConfirmed: boolean;
  deleted: boolean;
  stakeholderGroup: string | null;
  registeredAt: Date;
}
