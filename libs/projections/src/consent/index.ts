export * from './contact-facts.projection';
export * from './contact-facts.queries';
