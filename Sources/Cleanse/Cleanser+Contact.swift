import Extract

extension Cleanser {
    func contactAttempt(_ raw: RawRecord, issues: inout [FieldIssue]) throws(Rejection) -> ContactAttempt {
        let c = columns
        let attemptId = try required(raw, c.attemptId, "attempt_id", ReasonCode.keyMissing, "a contact attempt is identified by its call id")
        let campaign = try required(raw, c.campaignCode, "campaign_code", ReasonCode.campaignMissing, "campaign KPIs need the campaign of every call")
        let agent = try required(raw, c.agentCode, "agent_code", ReasonCode.agentMissing, "agent KPIs need the agent of every call")
        let calledAt = try requiredTimestamp(raw, c.calledAt, "called_at")
        let outcomeText = text(raw, c.outcome) ?? ""
        guard let outcome = cached(&outcomeCache, outcomeText, { outcomes[Text.lookupKey(outcomeText, han: han)] }) else {
            throw rejection(raw, field: "outcome", code: ReasonCode.outcomeInvalid,
                            "outcome '\(outcomeText)' is not a known call result; add its spelling to the pipeline's outcome synonyms, mapped to one of \(ContactOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let saleAmount = try amount(raw, c.saleAmount, "sale_amount", required: false, allowNegative: false)
        let person = person(raw, issues: &issues)
        try requireIdentifiable(person, raw)
        return ContactAttempt(source: SourceRef(file: file, line: raw.line), attemptId: attemptId, campaignCode: campaign,
                              campaignName: repeatedText(raw, c.campaignName), agentCode: agent, agentName: repeatedText(raw, c.agentName),
                              calledAt: calledAt, person: person, outcome: outcome,
                              saleAmount: outcome == .sold || outcome == .lapsed ? saleAmount : nil)
    }
}
