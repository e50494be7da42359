/// The actions on a participating addendum.
public enum AddendumActionName: String, ActionName {
    case edit, submit, approve
    case returnToDraft = "return"
    case reject, sign, terminate, withdraw

    public var spec: ActionSpec {
        switch self {
        case .edit:
            return ActionSpec(rawValue, "Edit the draft", parameters: [
                ParameterSpec("scope", "T", "What the participant will buy under the contract", required: false),
                ParameterSpec("contact", "T", "The participant's contact (name, email, phone)", required: false),
                ParameterSpec("spend", "AMOUNT", "Estimated annual spend", kind: .money, required: false),
                ParameterSpec("end", "YYYY-MM-DD", "End date, no later than the contract's", kind: .date, required: false),
                ParameterSpec("po-instructions", "T", "How to place purchase orders", required: false),
            ])
        case .submit:
            return ActionSpec(rawValue, "Submit to the contract's lead for approval")
        case .approve:
            return ActionSpec(rawValue, "Approve (the contract's lead)",
                              irreversible: "The addendum goes to signature and can no longer be returned for changes.")
        case .returnToDraft:
            return ActionSpec(rawValue, "Return to the participant for changes", parameters: [
                ParameterSpec("reason", "R", "What must change"),
            ])
        case .reject:
            return ActionSpec(rawValue, "Reject the addendum", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: "The addendum is refused for good; the participant must draft a new one to join.")
        case .sign:
            return ActionSpec(rawValue, "Sign for one side", parameters: [
                ParameterSpec("party", "participant|vendor", "The side you sign for", kind: .choice(["participant", "vendor"])),
                ParameterSpec("signer", "NAME", "Who signs"),
                ParameterSpec("date", "YYYY-MM-DD", "Date of signature", kind: .date),
            ], irreversible: "Your side's signature is recorded; with both sides signed the addendum is executed.")
        case .terminate:
            return ActionSpec(rawValue, "Terminate the executed addendum", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: "The participant can no longer buy under the contract through this addendum.")
        case .withdraw:
            return ActionSpec(rawValue, "Withdraw the addendum", parameters: [
                ParameterSpec("reason", "R", "Why"),
            ], irreversible: "The addendum ends here; joining again needs a new one.")
        }
    }
}
