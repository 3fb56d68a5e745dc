package dev.guise.discovery;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Validating patterns over single values: the format and, where there is one, the checksum. */
final class DataPatterns {
  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
  static final Pattern EMAIL_IN_TEXT =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");
  private static final Pattern NATIONAL_PHONE =
      Pattern.compile(
          "^(\\+\\d{1,3}[\\s.-]?)?(\\(\\d{1,5}\\)[\\s.-]?)?\\d{2,5}([\\s.-]\\d{2,5}){1,4}$");
  static final Pattern PHONE_IN_TEXT =
      Pattern.compile("(\\+\\d{1,3}[\\s.-]?)?\\(?\\d{2,5}\\)?[\\s.-]\\d{3,4}[\\s.-]\\d{3,4}");
  private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern SSN = Pattern.compile("^(\\d{3})-(\\d{2})-(\\d{4})$");
  private static final Pattern IBAN = Pattern.compile("^[A-Z]{2}\\d{2}[A-Z0-9]{11,30}$");
  private static final Pattern UUID =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final Pattern US_ZIP = Pattern.compile("^\\d{5}(-\\d{4})?$");
  private static final Pattern UK_POSTCODE =
      Pattern.compile("^[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}$", Pattern.CASE_INSENSITIVE);
  private static final Pattern CA_POSTCODE =
      Pattern.compile("^[A-Z]\\d[A-Z] ?\\d[A-Z]\\d$", Pattern.CASE_INSENSITIVE);

  private DataPatterns() {}

  static boolean email(String v) {
    return v.length() <= 254 && EMAIL.matcher(v).matches();
  }

  /** E.164 ({@code +14155550123}) or a national form with separators, 8 to 15 digits. */
  static boolean phone(String v) {
    if (E164.matcher(v).matches()) {
      return true;
    }
    if (ISO_DATE.matcher(v).find()
        || ipv4(v)
        || SSN.matcher(v).matches()
        || !NATIONAL_PHONE.matcher(v).matches()) {
      return false;
    }
    long digits = v.chars().filter(Character::isDigit).count();
    return digits >= 8 && digits <= 15;
  }

  /** 13 to 19 digits (spaces and dashes allowed) of a known network's prefix passing Luhn. */
  static boolean cardNumber(String v) {
    String d = v.replace(" ", "").replace("-", "");
    if (d.length() < 13 || d.length() > 19 || !d.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int p2 = Integer.parseInt(d.substring(0, 2));
    int p4 = Integer.parseInt(d.substring(0, 4));
    boolean network =
        d.charAt(0) == '4'
            || (p2 >= 51 && p2 <= 55)
            || (p4 >= 2221 && p4 <= 2720)
            || p2 == 34
            || p2 == 37
            || p4 == 6011
            || p2 == 65
            || p2 == 35
            || p2 == 36
            || p2 == 38
            || p2 == 30
            || p2 == 62;
    return network && dev.guise.mask.SetChecksumMask.luhnValid(d);
  }

  /** An IBAN (spaces allowed) whose mod-97 check is 1. */
  static boolean iban(String v) {
    String s = v.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    if (!IBAN.matcher(s).matches()) {
      return false;
    }
    String moved = s.substring(4) + s.substring(0, 4);
    StringBuilder num = new StringBuilder();
    for (char c : moved.toCharArray()) {
      num.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(num.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** {@code AAA-GG-SSSS} with the ranges the SSA never issues left out. */
  static boolean ssn(String v) {
    var m = SSN.matcher(v);
    if (!m.matches()) {
      return false;
    }
    int area = Integer.parseInt(m.group(1));
    return area != 0
        && area != 666
        && area < 900
        && Integer.parseInt(m.group(2)) != 0
        && Integer.parseInt(m.group(3)) != 0;
  }

  static boolean ipv4(String v) {
    String[] parts = v.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return false;
      }
      if (Integer.parseInt(p) > 255 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
    }
    return true;
  }

  /** Eight groups of hex, or fewer around one {@code ::}. */
  static boolean ipv6(String v) {
    if (v.length() < 2 || v.length() > 45 || !v.contains(":")) {
      return false;
    }
    int gap = v.indexOf("::");
    if (gap >= 0 && v.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String[] groups = v.replace("::", ":x:").split(":", -1);
    int count = 0;
    for (String g : groups) {
      if (g.equals("x") || (g.isEmpty() && gap >= 0)) {
        continue;
      }
      if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(DataPatterns::hex)) {
        return false;
      }
      count++;
    }
    return gap >= 0 ? count < 8 : count == 8;
  }

  private static boolean hex(int c) {
    return Character.digit(c, 16) >= 0;
  }

  static boolean uuid(String v) {
    return UUID.matcher(v).matches();
  }

  /** US ZIP (and ZIP+4), UK and Canadian postcodes. */
  static boolean postcode(String v) {
    return US_ZIP.matcher(v).matches()
        || UK_POSTCODE.matcher(v).matches()
        || CA_POSTCODE.matcher(v).matches();
  }

  /** The ISO date a value starts with, or null. */
  static LocalDate date(String v) {
    var m = ISO_DATE.matcher(v);
    if (!m.find()) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** A date someone alive and at least 16 was born on: 16 to 100 years before today. */
  static boolean birthDate(LocalDate d, LocalDate today) {
    return d != null && !d.isAfter(today.minusYears(16)) && d.isAfter(today.minusYears(100));
  }
}
