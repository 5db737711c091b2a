extension RulesFile {
  /// The valid DKSIGN templates the rules set, in file order without repeats.
  public var signTemplates: [DKSignTemplate] {
    var templates: [DKSignTemplate] = []
    for (_, rule) in rules {
      for assignment in rule.assignments where assignment.nameText == "DKSIGN" {
        if let template = try? DKSignTemplate(assignment.valueText),
          !templates.contains(template)
        {
          templates.append(template)
        }
      }
    }
    return templates
  }
}
