import { maskResidentId } from '../../platform/identity/index.js';
import { areaM2, maskHouseholdName } from './expropriation.households.js';
import type { HouseholdRow, PublicHouseholdRow } from './expropriation.repository.js';

// What each audience sees of a household. The public sees the masked name and the building only;
// the household itself sees its whole record with the ID number masked; staff see everything.

/** A household as the public list shows it (masked name, building only, no ID number ever). */
export function presentPublicHousehold(h: PublicHouseholdRow) {
  return {
    id: h.id,
    number: h.number,
    name: maskHouseholdName(h.ownerName),
    building: h.building,
    area: areaM2(h.areaCm2),
    surveyStatus: h.surveyStatus,
    rightsStatus: h.rightsStatus,
    scheme: h.scheme,
    compensation: h.compensation,
    signingStatus: h.signingStatus,
    signedOn: h.signedOn,
    selectionOrder: h.selectionOrder,
    paymentStatus: h.paymentStatus,
    correctedOn: h.correctedOn,
  };
}
export type PublicHousehold = ReturnType<typeof presentPublicHousehold>;

/** A household's full record as it sees it itself (the ID number masked: it knows it). */
export function presentOwnHousehold(h: HouseholdRow) {
  return {
    ...presentPublicHousehold(h),
    name: h.ownerName,
    idNumber: maskResidentId(h.idNumber),
    unit: h.unit,
    room: h.room,
    surveyNote: h.surveyNote,
    valuation: h.valuation,
    subsidy: h.subsidy,
    paidOn: h.paidOn,
  };
}
export type OwnHousehold = ReturnType<typeof presentOwnHousehold>;

/** A household as its department's staff see it: everything but the hashes. */
export function presentStaffHousehold(h: HouseholdRow) {
  return { ...presentOwnHousehold(h), idNumber: h.idNumber, version: h.version, hasAccessCode: h.accessCodeHash !== null, updatedAt: h.updatedAt };
}
export type StaffHousehold = ReturnType<typeof presentStaffHousehold>;
