export {
  creditCodeCheckChar,
  isValidCreditCode,
  isValidMobile,
  isValidResidentId,
  maskMobile,
  maskName,
  maskResidentId,
  normaliseCreditCode,
  normaliseResidentId,
  residentIdCheckChar,
} from './identity.js';
