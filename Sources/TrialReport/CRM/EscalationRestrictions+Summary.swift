import TrialDesign

extension EscalationRestrictions {
    /// The restrictions in words, as the reports and the `crm-*` templates print them.
    var summary: String {
        switch (noSkipping, noEscalationAfterDLT) {
        case (true, true): return "no skipping of untried levels on escalation; no escalation right after a DLT"
        case (true, false): return "no skipping of untried levels on escalation"
        case (false, true): return "no escalation right after a DLT"
        case (false, false): return "none"
        }
    }
}
