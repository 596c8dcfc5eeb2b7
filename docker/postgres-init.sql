-- Both services' databases on one PostgreSQL server (each service owns its own).
CREATE DATABASE whatsapp_gateway;
CREATE DATABASE ai_agent;
