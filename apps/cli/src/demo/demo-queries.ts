/**
 * The example queries the demo prints and the README shows. docs/demo-queries.graphql holds the
 * same text, and the demo's test checks they are equal and runs every one of them.
 */
export const DEMO_QUERIES = `# Overdue obligations, soonest due first (tenant "default": DeskFlow, the HR flex-office tool).
query OverdueDeadlines {
  deadlines(overdueOnly: true) {
    edges { node { kind article controllerId stream dueAt sourceEventIds } }
  }
}

# Everything still open, overdue or not.
query OpenDeadlines {
  deadlines(first: 50) {
    edges { node { kind controllerId startedAt dueAt overdue } }
  }
}

# The Art. 30(2) register kept for one client.
query NorthwindRegister {
  register(controllerId: "northwind") {
    edges { node { name categoriesOfProcessing transfers { country mechanism } securityMeasures } }
  }
}

# The agreements, and the Art. 28(3) clauses each one lacks.
query Agreements {
  dataProcessingAgreements {
    edges { node { controllerName status effectiveUntil missingClauses { clause description } } }
  }
}

# Sub-processors as one client sees them: objected, engaged, objection window open.
query NorthwindSubprocessors {
  subprocessors(controllerId: "northwind") {
    edges { node { authorisation objectionWindowEndsAt subprocessor { name service location transferMechanism } } }
  }
}

# Instructions the processor told its client it believes infringe the GDPR (Art. 28(3)).
query InfringingInstructions {
  instructions(status: FLAGGED_AS_INFRINGING) {
    edges { node { controllerId subject infringementReason flaggedAsInfringingAt } }
  }
}

# The whole history of the overdue access request: what happened, when, and when the ledger learnt it.
query OverdueRequestHistory {
  history(stream: "dsr-deskflow-northwind-access") {
    type revision metadata { occurredAt recordedAt actor { id role } } hash
  }
}
`;
