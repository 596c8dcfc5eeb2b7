package kz.aisales.gateway.whitelist;

/** One form for a phone number wherever it comes from: digits only, without a WhatsApp suffix. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** {@code +7 775 283 7306}, {@code 77752837306} and {@code 77752837306@c.us} all give {@code 77752837306}. */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        int at = raw.indexOf('@');
        String number = at >= 0 ? raw.substring(0, at) : raw;
        return number.replaceAll("\\D", "");
    }

    /** Normalised digits that can be a WhatsApp number: 10 to 15, the country code included. */
    public static boolean plausible(String digits) {
        return digits.length() >= 10 && digits.length() <= 15;
    }
}
