package io.ujumbe.pdu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A command_status value: every code of SMPP 3.4 and 5.0 by name, and any other code (vendor
 * specific or simply unknown) preserved as its number rather than rejected. Instances of known
 * codes are canonical, so {@code ==} and {@link #equals} agree for them.
 *
 * <p>{@link #isThrottle()}, {@link #isTransient()} and {@link #isPermanent()} give the default
 * classification the client's retry policy starts from; applications can override it per code.
 */
public final class CommandStatus {

    private static final Map<Integer, CommandStatus> KNOWN = new LinkedHashMap<>();

    public static final CommandStatus ESME_ROK = define(0x00, "ESME_ROK", "No error");
    public static final CommandStatus ESME_RINVMSGLEN = define(0x01, "ESME_RINVMSGLEN", "Message length is invalid");
    public static final CommandStatus ESME_RINVCMDLEN = define(0x02, "ESME_RINVCMDLEN", "Command length is invalid");
    public static final CommandStatus ESME_RINVCMDID = define(0x03, "ESME_RINVCMDID", "Invalid command ID");
    public static final CommandStatus ESME_RINVBNDSTS = define(0x04, "ESME_RINVBNDSTS", "Incorrect bind status for given command");
    public static final CommandStatus ESME_RALYBND = define(0x05, "ESME_RALYBND", "ESME already in bound state");
    public static final CommandStatus ESME_RINVPRTFLG = define(0x06, "ESME_RINVPRTFLG", "Invalid priority flag");
    public static final CommandStatus ESME_RINVREGDLVFLG = define(0x07, "ESME_RINVREGDLVFLG", "Invalid registered delivery flag");
    public static final CommandStatus ESME_RSYSERR = define(0x08, "ESME_RSYSERR", "System error");
    public static final CommandStatus ESME_RINVSRCADR = define(0x0A, "ESME_RINVSRCADR", "Invalid source address");
    public static final CommandStatus ESME_RINVDSTADR = define(0x0B, "ESME_RINVDSTADR", "Invalid destination address");
    public static final CommandStatus ESME_RINVMSGID = define(0x0C, "ESME_RINVMSGID", "Message ID is invalid");
    public static final CommandStatus ESME_RBINDFAIL = define(0x0D, "ESME_RBINDFAIL", "Bind failed");
    public static final CommandStatus ESME_RINVPASWD = define(0x0E, "ESME_RINVPASWD", "Invalid password");
    public static final CommandStatus ESME_RINVSYSID = define(0x0F, "ESME_RINVSYSID", "Invalid system ID");
    public static final CommandStatus ESME_RCANCELFAIL = define(0x11, "ESME_RCANCELFAIL", "Cancel SM failed");
    public static final CommandStatus ESME_RREPLACEFAIL = define(0x13, "ESME_RREPLACEFAIL", "Replace SM failed");
    public static final CommandStatus ESME_RMSGQFUL = define(0x14, "ESME_RMSGQFUL", "Message queue full");
    public static final CommandStatus ESME_RINVSERTYP = define(0x15, "ESME_RINVSERTYP", "Invalid service type");
    public static final CommandStatus ESME_RINVNUMDESTS = define(0x33, "ESME_RINVNUMDESTS", "Invalid number of destinations");
    public static final CommandStatus ESME_RINVDLNAME = define(0x34, "ESME_RINVDLNAME", "Invalid distribution list name");
    public static final CommandStatus ESME_RINVDESTFLAG = define(0x40, "ESME_RINVDESTFLAG", "Destination flag is invalid (submit_multi)");
    public static final CommandStatus ESME_RINVSUBREP = define(0x42, "ESME_RINVSUBREP", "Invalid 'submit with replace' request");
    public static final CommandStatus ESME_RINVESMCLASS = define(0x43, "ESME_RINVESMCLASS", "Invalid esm_class field data");
    public static final CommandStatus ESME_RCNTSUBDL = define(0x44, "ESME_RCNTSUBDL", "Cannot submit to distribution list");
    public static final CommandStatus ESME_RSUBMITFAIL = define(0x45, "ESME_RSUBMITFAIL", "submit_sm or submit_multi failed");
    public static final CommandStatus ESME_RINVSRCTON = define(0x48, "ESME_RINVSRCTON", "Invalid source address TON");
    public static final CommandStatus ESME_RINVSRCNPI = define(0x49, "ESME_RINVSRCNPI", "Invalid source address NPI");
    public static final CommandStatus ESME_RINVDSTTON = define(0x50, "ESME_RINVDSTTON", "Invalid destination address TON");
    public static final CommandStatus ESME_RINVDSTNPI = define(0x51, "ESME_RINVDSTNPI", "Invalid destination address NPI");
    public static final CommandStatus ESME_RINVSYSTYP = define(0x53, "ESME_RINVSYSTYP", "Invalid system_type field");
    public static final CommandStatus ESME_RINVREPFLAG = define(0x54, "ESME_RINVREPFLAG", "Invalid replace_if_present flag");
    public static final CommandStatus ESME_RINVNUMMSGS = define(0x55, "ESME_RINVNUMMSGS", "Invalid number of messages");
    public static final CommandStatus ESME_RTHROTTLED = define(0x58, "ESME_RTHROTTLED", "Throttling error (ESME has exceeded allowed message limits)");
    public static final CommandStatus ESME_RINVSCHED = define(0x61, "ESME_RINVSCHED", "Invalid scheduled delivery time");
    public static final CommandStatus ESME_RINVEXPIRY = define(0x62, "ESME_RINVEXPIRY", "Invalid message validity period (expiry time)");
    public static final CommandStatus ESME_RINVDFTMSGID = define(0x63, "ESME_RINVDFTMSGID", "Predefined message invalid or not found");
    public static final CommandStatus ESME_RX_T_APPN = define(0x64, "ESME_RX_T_APPN", "ESME receiver temporary app error code");
    public static final CommandStatus ESME_RX_P_APPN = define(0x65, "ESME_RX_P_APPN", "ESME receiver permanent app error code");
    public static final CommandStatus ESME_RX_R_APPN = define(0x66, "ESME_RX_R_APPN", "ESME receiver reject message error code");
    public static final CommandStatus ESME_RQUERYFAIL = define(0x67, "ESME_RQUERYFAIL", "query_sm request failed");
    public static final CommandStatus ESME_RINVOPTPARSTREAM = define(0xC0, "ESME_RINVOPTPARSTREAM", "Error in the optional part of the PDU body");
    public static final CommandStatus ESME_ROPTPARNOTALLWD = define(0xC1, "ESME_ROPTPARNOTALLWD", "Optional parameter not allowed");
    public static final CommandStatus ESME_RINVPARLEN = define(0xC2, "ESME_RINVPARLEN", "Invalid parameter length");
    public static final CommandStatus ESME_RMISSINGOPTPARAM = define(0xC3, "ESME_RMISSINGOPTPARAM", "Expected optional parameter missing");
    public static final CommandStatus ESME_RINVOPTPARAMVAL = define(0xC4, "ESME_RINVOPTPARAMVAL", "Invalid optional parameter value");
    public static final CommandStatus ESME_RDELIVERYFAILURE = define(0xFE, "ESME_RDELIVERYFAILURE", "Delivery failure (data_sm_resp)");
    public static final CommandStatus ESME_RUNKNOWNERR = define(0xFF, "ESME_RUNKNOWNERR", "Unknown error");
    // SMPP 5.0
    public static final CommandStatus ESME_RSERTYPUNAUTH = define(0x100, "ESME_RSERTYPUNAUTH", "ESME not authorised to use specified service_type");
    public static final CommandStatus ESME_RPROHIBITED = define(0x101, "ESME_RPROHIBITED", "ESME prohibited from using specified operation");
    public static final CommandStatus ESME_RSERTYPUNAVAIL = define(0x102, "ESME_RSERTYPUNAVAIL", "Specified service_type is unavailable");
    public static final CommandStatus ESME_RSERTYPDENIED = define(0x103, "ESME_RSERTYPDENIED", "Specified service_type is denied");
    public static final CommandStatus ESME_RINVDCS = define(0x104, "ESME_RINVDCS", "Invalid data coding scheme");
    public static final CommandStatus ESME_RINVSRCADDRSUBUNIT = define(0x105, "ESME_RINVSRCADDRSUBUNIT", "Source address subunit is invalid");
    public static final CommandStatus ESME_RINVDSTADDRSUBUNIT = define(0x106, "ESME_RINVDSTADDRSUBUNIT", "Destination address subunit is invalid");
    public static final CommandStatus ESME_RINVBCASTFREQINT = define(0x107, "ESME_RINVBCASTFREQINT", "Broadcast frequency interval is invalid");
    public static final CommandStatus ESME_RINVBCASTALIAS_NAME = define(0x108, "ESME_RINVBCASTALIAS_NAME", "Broadcast alias name is invalid");
    public static final CommandStatus ESME_RINVBCASTAREAFMT = define(0x109, "ESME_RINVBCASTAREAFMT", "Broadcast area format is invalid");
    public static final CommandStatus ESME_RINVNUMBCAST_AREAS = define(0x10A, "ESME_RINVNUMBCAST_AREAS", "Number of broadcast areas is invalid");
    public static final CommandStatus ESME_RINVBCASTCNTTYPE = define(0x10B, "ESME_RINVBCASTCNTTYPE", "Broadcast content type is invalid");
    public static final CommandStatus ESME_RINVBCASTMSGCLASS = define(0x10C, "ESME_RINVBCASTMSGCLASS", "Broadcast message class is invalid");
    public static final CommandStatus ESME_RBCASTFAIL = define(0x10D, "ESME_RBCASTFAIL", "broadcast_sm operation failed");
    public static final CommandStatus ESME_RBCASTQUERYFAIL = define(0x10E, "ESME_RBCASTQUERYFAIL", "query_broadcast_sm operation failed");
    public static final CommandStatus ESME_RBCASTCANCELFAIL = define(0x10F, "ESME_RBCASTCANCELFAIL", "cancel_broadcast_sm operation failed");
    public static final CommandStatus ESME_RINVBCAST_REP = define(0x110, "ESME_RINVBCAST_REP", "Number of repeated broadcasts is invalid");
    public static final CommandStatus ESME_RINVBCASTSRVGRP = define(0x111, "ESME_RINVBCASTSRVGRP", "Broadcast service group is invalid");
    public static final CommandStatus ESME_RINVBCASTCHANIND = define(0x112, "ESME_RINVBCASTCHANIND", "Broadcast channel indicator is invalid");

    private final int code;
    private final String name;
    private final String description;

    private CommandStatus(int code, String name, String description) {
        this.code = code;
        this.name = name;
        this.description = description;
    }

    private static CommandStatus define(int code, String name, String description) {
        CommandStatus s = new CommandStatus(code, name, description);
        KNOWN.put(code, s);
        return s;
    }

    /**
     * The status with this code: the canonical constant when the code is defined by SMPP 3.4 or
     * 5.0, otherwise a new value that keeps the code (named {@code VENDOR_0x…} in the 0x400–0x4FF
     * range the specification reserves for SMSC vendors, {@code UNKNOWN_0x…} elsewhere).
     */
    public static CommandStatus of(int code) {
        CommandStatus s = KNOWN.get(code);
        if (s != null) {
            return s;
        }
        boolean vendor = code >= 0x400 && code <= 0x4FF;
        String hex = String.format("0x%08X", code);
        return new CommandStatus(code, (vendor ? "VENDOR_" : "UNKNOWN_") + hex,
                vendor ? "SMSC vendor-specific error" : "Unknown command status");
    }

    /** The known status with this name (e.g. {@code ESME_RTHROTTLED}), or empty. */
    public static Optional<CommandStatus> ofName(String name) {
        for (CommandStatus s : KNOWN.values()) {
            if (s.name.equalsIgnoreCase(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Every status defined by SMPP 3.4 and 5.0, in code order. */
    public static Map<Integer, CommandStatus> known() {
        return Collections.unmodifiableMap(KNOWN);
    }

    /** The 32-bit code on the wire. */
    public int code() {
        return code;
    }

    /** The specification's name, e.g. {@code ESME_RTHROTTLED}. */
    public String name() {
        return name;
    }

    /** The specification's description. */
    public String description() {
        return description;
    }

    /** True only for ESME_ROK. */
    public boolean isOk() {
        return code == 0;
    }

    /** True when the code is one SMPP 3.4 or 5.0 defines. */
    public boolean isKnown() {
        return KNOWN.containsKey(code);
    }

    /**
     * True for the statuses an SMSC uses to say "slow down": ESME_RTHROTTLED and ESME_RMSGQFUL.
     * The throttle handler counts these.
     */
    public boolean isThrottle() {
        return code == 0x58 || code == 0x14;
    }

    /**
     * True for errors that may succeed if the same request is sent again later: throttling, a full
     * queue, a system error, a temporary application error, and a bind-state error (the session was
     * being closed; a fresh bind may take the retry).
     */
    public boolean isTransient() {
        return isThrottle() || code == 0x08 || code == 0x64 || code == 0x04;
    }

    /** True for errors that no retry will cure. ESME_ROK is neither transient nor permanent. */
    public boolean isPermanent() {
        return code != 0 && !isTransient();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandStatus && ((CommandStatus) o).code == code;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(code);
    }

    /** Name and code, e.g. {@code ESME_RTHROTTLED(0x00000058)}. */
    @Override
    public String toString() {
        return name + String.format("(0x%08X)", code);
    }
}
